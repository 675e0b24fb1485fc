package commandroom.sim.incident;

import commandroom.sim.county.CountyIndex;
import commandroom.sim.geo.Polygons;
import commandroom.v1.Camera;
import commandroom.v1.IncidentType;
import commandroom.v1.Position;
import commandroom.v1.Priority;
import commandroom.v1.Reporter;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.Zone;
import java.util.List;
import java.util.Random;

/**
 * Makes up a plausible incident of a given type: a place inside a random zone, a Chinese
 * address built from the nearest road or the zone's community, a summary, a reporter, a
 * priority drawn per type, and the fixed cameras that look at the place.
 *
 * <p>Not thread-safe: confined with its Random to the generator's serial executor.
 */
public final class IncidentComposer {
    /** A road nearer than this gives the address ("人民路128号"); otherwise the community does. */
    private static final double ROAD_ADDRESS_METRES = 150;
    private static final double CAMERA_RADIUS_METRES = 250;
    private static final int MAX_CAMERAS = 3;

    private static final List<String> CALL_110 = List.of(
            "报警人称%s有人打架，约三四人，请求出警。",
            "报警人称其停放在%s的电动车被盗。",
            "报警人称%s发生两车相撞事故，有人受伤。",
            "报警人称家住%s，回家发现门锁有撬动痕迹，屋内被翻动。",
            "报警人称%s有醉酒男子滋事，砸坏店内物品。",
            "报警人称其母亲在%s附近走失，七十余岁，身穿蓝色外套。",
            "报警人称%s有人持刀威胁他人。");
    private static final List<String> DISPUTE = List.of(
            "%s邻里因装修噪音发生争吵，双方情绪激动。",
            "%s两户村民因宅基地界址发生纠纷。",
            "%s顾客与店主因商品退换发生纠纷。",
            "%s夫妻因家庭琐事争吵，一方报警求助。",
            "%s工人与包工头因拖欠工资发生纠纷。",
            "%s物业与业主因停车收费发生纠纷。");
    private static final List<String> KEY_PERSON = List.of(
            "人脸抓拍系统预警：重点人员出现在%s附近。",
            "重点关注人员于%s出现，需核实其动向。",
            "社区矫正人员疑似离开居住地，最后出现在%s。");
    private static final List<String> PATROL = List.of(
            "巡逻发现%s路灯损坏，存在安全隐患。",
            "巡逻发现%s有车辆违停堵塞消防通道。",
            "巡逻发现%s井盖缺失。",
            "巡逻发现可疑人员在%s附近徘徊。");
    private static final List<String> INFO = List.of(
            "%s有新入住租户，需采集实有人口信息。",
            "%s新开设店铺，需采集实有单位信息。",
            "%s出租房屋信息需核查更新（一标三实）。");
    private static final List<String> OTHER = List.of(
            "群众求助：%s住户钥匙锁在屋内。",
            "群众反映%s有流浪犬，存在伤人隐患。",
            "群众在%s拾得钱包一个，请求民警处理。");
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾";
    private static final List<String> ESTATES = List.of("花园", "新村", "小区", "公寓", "家园");

    private final CountyIndex county;
    private final String countyPrefix;
    private final Random random;

    /**
     * @param county the county to place incidents in; must have zones
     * @param random source of chance
     */
    public IncidentComposer(CountyIndex county, Random random) {
        if (county.zones().isEmpty()) {
            throw new IllegalArgumentException("the county has no zones");
        }
        this.county = county;
        this.random = random;
        String name = county.seed().getName();
        int cut = name.indexOf('县');
        this.countyPrefix = cut > 0 ? name.substring(0, cut + 1) : "";
    }

    /** A request to report an incident of the type; the caller adds the idempotency key. */
    public ReportIncidentRequest compose(IncidentType type) {
        Zone zone = county.zones().get(random.nextInt(county.zones().size()));
        Position position = Polygons.randomPointInside(zone.getPolygonList(), random);
        String address = address(zone, position);
        ReportIncidentRequest.Builder builder = ReportIncidentRequest.newBuilder()
                .setType(type)
                .setPriority(priority(type, random.nextDouble()))
                .setPosition(position)
                .setAddress(countyPrefix + address)
                .setZoneId(zone.getId())
                .setReporter(reporter(type))
                .setSummary(String.format(pick(summaries(type)), address));
        for (Camera camera : county.fixedCamerasNear(position, CAMERA_RADIUS_METRES, MAX_CAMERAS)) {
            builder.addCameraIds(camera.getId());
        }
        return builder.build();
    }

    /**
     * The priority for a type, given a uniform draw in 0..1: 110 calls are the most urgent,
     * information collection the least.
     */
    public static Priority priority(IncidentType type, double u) {
        double[] urgentHighNormal = switch (type) {
            case INCIDENT_TYPE_CALL_110 -> new double[] {0.15, 0.50, 0.95};
            case INCIDENT_TYPE_DISPUTE -> new double[] {0.02, 0.22, 0.87};
            case INCIDENT_TYPE_KEY_PERSON_ALERT -> new double[] {0.10, 0.70, 1.00};
            case INCIDENT_TYPE_PATROL_FINDING -> new double[] {0.00, 0.10, 0.70};
            case INCIDENT_TYPE_INFO_COLLECTION -> new double[] {0.00, 0.00, 0.30};
            default -> new double[] {0.00, 0.05, 0.55};
        };
        if (u < urgentHighNormal[0]) {
            return Priority.PRIORITY_URGENT;
        }
        if (u < urgentHighNormal[1]) {
            return Priority.PRIORITY_HIGH;
        }
        return u < urgentHighNormal[2] ? Priority.PRIORITY_NORMAL : Priority.PRIORITY_LOW;
    }

    private String address(Zone zone, Position position) {
        String area = zone.getName().replace("警务区", "");
        var road = county.nearestRoad(position);
        if (road.isPresent() && road.get().metres() < ROAD_ADDRESS_METRES) {
            return road.get().road().getName() + (1 + random.nextInt(300)) + "号";
        }
        if (area.startsWith("城")) {
            return area + pick(ESTATES) + (1 + random.nextInt(20)) + "幢" + (1 + random.nextInt(4)) + "单元";
        }
        return area + "村" + (1 + random.nextInt(9)) + "组" + (1 + random.nextInt(60)) + "号";
    }

    private Reporter reporter(IncidentType type) {
        return switch (type) {
            case INCIDENT_TYPE_KEY_PERSON_ALERT -> Reporter.newBuilder().setName("人脸识别预警系统").build();
            case INCIDENT_TYPE_PATROL_FINDING -> Reporter.newBuilder().setName("巡逻组").build();
            default -> Reporter.newBuilder()
                    .setName(SURNAMES.charAt(random.nextInt(SURNAMES.length())) + (random.nextBoolean() ? "先生" : "女士"))
                    .setPhone("1" + "358".charAt(random.nextInt(3)) + String.format("%09d", random.nextInt(1_000_000_000)))
                    .build();
        };
    }

    private static List<String> summaries(IncidentType type) {
        return switch (type) {
            case INCIDENT_TYPE_CALL_110 -> CALL_110;
            case INCIDENT_TYPE_DISPUTE -> DISPUTE;
            case INCIDENT_TYPE_KEY_PERSON_ALERT -> KEY_PERSON;
            case INCIDENT_TYPE_PATROL_FINDING -> PATROL;
            case INCIDENT_TYPE_INFO_COLLECTION -> INFO;
            default -> OTHER;
        };
    }

    private String pick(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
