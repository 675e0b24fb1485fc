#!/usr/bin/env python3
"""Writes assets/demo-county/county.json, the demo county of the console.

The file is a commandroom.v1.CountySeed in protobuf JSON (lowerCamelCase field names, enum
values by name), as com.google.protobuf.util.JsonFormat reads it. Everything in it is fictional
except the place of the county town, which the map needs to line up with real tiles.

The output is deterministic: the same script writes the same bytes, so a diff of county.json
shows exactly what a change to this script did. Standard library only.

Usage: python3 assets/tools/make_demo_county.py [output-path]
"""

import json
import math
import os
import random
import sys

CENTRE_LAT = 30.5450
CENTRE_LON = 119.9600
STATION_ID = "s-qingxi"
STATION_NAME = "清溪派出所"
COUNTY_NAME = "清溪县（演示）"
PASSWORD = "qingxi-demo"
SEED = 20261129

# Metres per degree at the centre (WGS-84 series); good to centimetres over a few kilometres.
_PHI = math.radians(CENTRE_LAT)
M_PER_DEG_LAT = 111132.92 - 559.82 * math.cos(2 * _PHI) + 1.175 * math.cos(4 * _PHI)
M_PER_DEG_LON = 111412.84 * math.cos(_PHI) - 93.5 * math.cos(3 * _PHI)

# The area is 6 km east-west by 4 km north-south, cut into 5 columns and 2 rows of zones.
HALF_WIDTH = 3000.0
HALF_HEIGHT = 2000.0
COLUMNS = 5
ROWS = 2

# (id suffix, unit id prefix, Chinese name, auxiliary officers), south row west to east first.
ZONES = [
    ("xihe", "xh", "西河", 1), ("chengxi", "cx", "城西", 2), ("chengzhong", "cz", "城中", 2),
    ("chengdong", "cd", "城东", 2), ("nanhu", "nh", "南湖", 1),
    ("xishan", "xs", "西山", 1), ("beishan", "bs", "北山", 1), ("chengbei", "cb", "城北", 2),
    ("dongling", "dl", "东岭", 1), ("taoyuan", "ty", "桃源", 1),
]
VOLUNTEERS_PER_ZONE = 3

# Roads as (name, class, points in local metres x east, y north). They run a little past the area.
ROADS = [
    ("北环路", "primary", [(-3100, 1500), (-1500, 1580), (0, 1620), (1500, 1560), (3100, 1450)]),
    ("清溪大道", "primary", [(-3100, 380), (-1000, 330), (0, 300), (1200, 260), (3100, 200)]),
    ("人民路", "primary", [(-2600, -450), (-800, -480), (0, -500), (1600, -520), (3100, -560)]),
    ("解放街", "secondary", [(-2000, -1150), (-500, -1120), (600, -1100), (2200, -1180)]),
    ("南湖路", "secondary", [(-3100, -1700), (-1200, -1650), (800, -1720), (3100, -1780)]),
    ("西环路", "primary", [(-2500, -2100), (-2560, -600), (-2520, 800), (-2450, 2100)]),
    ("文昌路", "secondary", [(-1350, -2100), (-1300, 0), (-1380, 2100)]),
    ("中山街", "secondary", [(-250, -2100), (-200, -800), (-260, 600), (-300, 1900)]),
    ("新华路", "primary", [(850, -2100), (800, -500), (820, 900), (880, 2100)]),
    ("东岭路", "secondary", [(2050, -2100), (1980, -300), (2100, 1700), (2150, 2100)]),
    ("桃源路", "residential", [(2700, -900), (2650, 400), (2750, 1800)]),
    ("溪口巷", "residential", [(-900, 700), (-600, 900), (-200, 1000)]),
    ("书院弄", "residential", [(300, -900), (450, -750), (600, -780)]),
]

# Places with a camera, per zone (Chinese zone name -> places); all fictional.
PLACES = {
    "西河": ["西河村村委会", "西河大桥西桥头", "西河小学校门"],
    "城西": ["城西农贸市场东入口", "城西汽车客运站出站口", "城西花园小区北门"],
    "城中": ["清溪派出所门前", "县人民医院急诊楼", "清溪商业广场中庭", "步行街东口"],
    "城东": ["城东菜场南门", "清溪中学南门", "城东工业园区大门"],
    "南湖": ["南湖公园北门", "南湖湿地游客中心", "南湖村文化礼堂"],
    "西山": ["西山水库大坝", "西山村村口", "西山茶场"],
    "北山": ["北山隧道北口", "北山村村委会", "北山加油站"],
    "城北": ["县行政服务中心", "城北实验小学", "溪口老街牌坊"],
    "东岭": ["东岭村村委会", "东岭物流园大门", "东岭卫生院"],
    "桃源": ["桃源村文化礼堂", "桃源景区停车场", "桃源大桥东桥头"],
}
FACE_PLACE_WORDS = ("派出所", "医院", "客运站", "广场", "学校", "中学", "小学", "服务中心", "步行街")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁沈姚卢姜钟谭陆汪范金石廖夏方邹熊孟秦邱侯江薛雷龙陶贺顾毛龚邵钱严戴孔汤"
GIVEN_NAMES = [
    "明", "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "超", "斌",
    "浩", "婷", "鹏", "鑫", "华", "平", "刚", "明辉", "建国", "海燕", "志强", "晓东", "立新", "春梅",
    "国庆", "玉兰", "文斌", "桂英", "秀英", "德明", "建华", "永红", "金凤", "卫东", "红霞", "振华",
    "一鸣", "思远", "嘉怡", "海峰", "晓燕", "建军", "丽萍", "国平", "家豪", "志刚", "雪梅", "俊杰",
]


def to_position(x, y):
    """Local metres to a protobuf-JSON Position, rounded to about a centimetre."""
    return {
        "latitude": round(CENTRE_LAT + y / M_PER_DEG_LAT, 7),
        "longitude": round(CENTRE_LON + x / M_PER_DEG_LON, 7),
    }


def cross(o, a, b):
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def is_convex_ccw(polygon):
    n = len(polygon)
    return all(cross(polygon[i], polygon[(i + 1) % n], polygon[(i + 2) % n]) > 0 for i in range(n))


def contains(polygon, p):
    """Even-odd point in polygon."""
    inside = False
    n = len(polygon)
    for i in range(n):
        (x1, y1), (x2, y2) = polygon[i], polygon[(i + 1) % n]
        if (y1 > p[1]) != (y2 > p[1]):
            if p[0] < x1 + (p[1] - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def edge_distance(polygon, p):
    """Distance from p to the nearest edge of the polygon, in metres."""
    best = float("inf")
    n = len(polygon)
    for i in range(n):
        best = min(best, segment_distance(polygon[i], polygon[(i + 1) % n], p))
    return best


def segment_distance(a, b, p):
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def segment_intersection(a, b, c, d):
    r = (b[0] - a[0], b[1] - a[1])
    s = (d[0] - c[0], d[1] - c[1])
    denominator = r[0] * s[1] - r[1] * s[0]
    if abs(denominator) < 1e-9:
        return None
    t = ((c[0] - a[0]) * s[1] - (c[1] - a[1]) * s[0]) / denominator
    u = ((c[0] - a[0]) * r[1] - (c[1] - a[1]) * r[0]) / denominator
    if 0 <= t <= 1 and 0 <= u <= 1:
        return (a[0] + t * r[0], a[1] + t * r[1]), math.degrees(math.atan2(r[0], r[1])) % 360
    return None


def make_zone_polygons(rng):
    """A 6 x 3 vertex grid, jittered inside, so that neighbouring zones share their edges."""
    vertices = {}
    for j in range(ROWS + 1):
        for i in range(COLUMNS + 1):
            x = -HALF_WIDTH + i * (2 * HALF_WIDTH / COLUMNS)
            y = -HALF_HEIGHT + j * (2 * HALF_HEIGHT / ROWS)
            if 0 < i < COLUMNS:
                x += rng.uniform(-150, 150)
            if 0 < j < ROWS:
                y += rng.uniform(-200, 200)
            vertices[(i, j)] = (round(x, 1), round(y, 1))
    polygons = []
    for j in range(ROWS):
        for i in range(COLUMNS):
            polygon = [vertices[(i, j)], vertices[(i + 1, j)], vertices[(i + 1, j + 1)], vertices[(i, j + 1)]]
            if not is_convex_ccw(polygon):
                raise SystemExit("zone polygon is not convex: %r" % (polygon,))
            polygons.append(polygon)
    return polygons


def random_point(rng, polygon, margin=40.0):
    xs = [p[0] for p in polygon]
    ys = [p[1] for p in polygon]
    while True:
        p = (round(rng.uniform(min(xs), max(xs)), 1), round(rng.uniform(min(ys), max(ys)), 1))
        if contains(polygon, p) and edge_distance(polygon, p) >= margin:
            return p


class NameBook:
    """Hands out distinct fictional personal names."""

    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def next(self):
        while True:
            name = self.rng.choice(SURNAMES) + self.rng.choice(GIVEN_NAMES)
            if name not in self.used:
                self.used.add(name)
                return name


def build():
    rng = random.Random(SEED)
    names = NameBook(rng)
    polygons = make_zone_polygons(rng)

    zones, units, users = [], [], []
    zone_of = {}
    for (suffix, prefix, cn, aux_count), polygon in zip(ZONES, polygons):
        zone_id = "z-" + suffix
        zone_of[zone_id] = (cn, polygon)
        members = [("co", 1, "UNIT_KIND_COMMUNITY_OFFICER", "社区民警"),
                   ("aux", aux_count, "UNIT_KIND_AUXILIARY_OFFICER", "辅警"),
                   ("grid", 1, "UNIT_KIND_GRID_WORKER", "网格员"),
                   ("vol", VOLUNTEERS_PER_ZONE, "UNIT_KIND_VOLUNTEER", "义警")]
        for role, count, kind, title in members:
            for n in range(1, count + 1):
                person = names.next()
                unit_id = "u-%s-%s%d" % (prefix, role, n)
                units.append({
                    "id": unit_id,
                    "name": "%s%s %s" % (cn, title, person),
                    "kind": kind,
                    "stationId": STATION_ID,
                    "zoneId": zone_id,
                    "status": "UNIT_STATUS_AVAILABLE",
                    "position": to_position(*random_point(rng, polygon)),
                })
                users.append(field_user(unit_id, "%s（%s%s）" % (person, cn, title)))
        zones.append({
            "id": zone_id,
            "name": cn + "警务区",
            "stationId": STATION_ID,
            "polygon": [to_position(*p) for p in polygon],
            "communityOfficerUnitId": "u-%s-co1" % prefix,
            "staffing": {"communityOfficers": 1, "auxiliaryOfficers": aux_count,
                         "gridWorkers": 1, "volunteers": VOLUNTEERS_PER_ZONE},
        })

    # Station-level vehicles start in the zone they are parked in; the station is in 城中.
    station_zone = "z-chengzhong"
    vehicles = [("u-car1", "巡逻1号车", "UNIT_KIND_PATROL_CAR", station_zone),
                ("u-car2", "巡逻2号车", "UNIT_KIND_PATROL_CAR", "z-chengbei"),
                ("u-car3", "巡逻3号车", "UNIT_KIND_PATROL_CAR", "z-chengdong"),
                ("u-car4", "巡逻4号车", "UNIT_KIND_PATROL_CAR", "z-xishan"),
                ("u-drone1", "无人机1号", "UNIT_KIND_DRONE", station_zone)]
    for unit_id, call_sign, kind, zone_id in vehicles:
        units.append({
            "id": unit_id,
            "name": "%s %s" % (STATION_NAME, call_sign),
            "kind": kind,
            "stationId": STATION_ID,
            "zoneId": zone_id,
            "status": "UNIT_STATUS_AVAILABLE",
            "position": to_position(*random_point(rng, zone_of[zone_id][1])),
        })
        users.append(field_user(unit_id, call_sign))

    roads = [{"id": "r-%02d" % (k + 1), "name": name, "roadClass": road_class,
              "line": [to_position(*p) for p in points]}
             for k, (name, road_class, points) in enumerate(ROADS)]

    cameras = make_cameras(rng, zone_of, units)
    console_users = [
        ("duty1", "值班民警 周晓东", "ROLE_DUTY_OFFICER"),
        ("duty2", "值班民警 林海燕", "ROLE_DUTY_OFFICER"),
        ("leader1", "带班领导 郑建国", "ROLE_SHIFT_LEADER"),
        ("chief1", "所长 陆振华", "ROLE_STATION_CHIEF"),
        ("admin1", "系统管理员 顾思远", "ROLE_ADMIN"),
        ("sim-duty", "仿真接警员", "ROLE_DUTY_OFFICER"),
        ("sim-leader", "仿真带班领导", "ROLE_SHIFT_LEADER"),
        ("sim-chief", "仿真所长", "ROLE_STATION_CHIEF"),
    ]
    users = [{"username": u, "displayName": d, "role": r, "password": PASSWORD, "stationId": STATION_ID}
             for u, d, r in console_users] + users

    return {
        "name": COUNTY_NAME,
        "stationId": STATION_ID,
        "zones": zones,
        "units": units,
        "cameras": cameras,
        "roads": roads,
        "users": users,
        "centre": {"latitude": CENTRE_LAT, "longitude": CENTRE_LON},
    }


def field_user(unit_id, display_name):
    return {"username": unit_id, "displayName": display_name, "role": "ROLE_FIELD_UNIT",
            "unitId": unit_id, "password": PASSWORD, "stationId": STATION_ID}


def zone_holding(zone_of, p, margin):
    for zone_id, (cn, polygon) in zone_of.items():
        if contains(polygon, p) and edge_distance(polygon, p) >= margin:
            return zone_id
    return None


def make_cameras(rng, zone_of, units):
    """Crossings of the main roads first, then named places per zone, then two body cameras."""
    sites = []
    ew = [r for r in ROADS[:5]]
    ns = [r for r in ROADS[5:11]]
    for ew_name, _, ew_points in ew:
        for ns_name, _, ns_points in ns:
            for a, b in zip(ew_points, ew_points[1:]):
                for c, d in zip(ns_points, ns_points[1:]):
                    hit = segment_intersection(a, b, c, d)
                    if hit is None:
                        continue
                    (x, y), direction = hit
                    # Mounted on the north-east corner pole, looking along the east-west road.
                    p = (round(x + 12, 1), round(y + 12, 1))
                    zone_id = zone_holding(zone_of, p, 10.0)
                    if zone_id is not None:
                        kind = "CAMERA_KIND_FACE_CAPTURE" if rng.random() < 0.15 else "CAMERA_KIND_SKYNET"
                        sites.append((ew_name + "与" + ns_name + "交叉口", kind, p, zone_id,
                                      (direction + rng.choice((0, 180))) % 360))
    for zone_id, (cn, polygon) in zone_of.items():
        for place in PLACES[cn]:
            p = random_point(rng, polygon)
            if any(word in place for word in FACE_PLACE_WORDS):
                kind = "CAMERA_KIND_FACE_CAPTURE"
            elif cn.startswith("城"):
                kind = "CAMERA_KIND_SKYNET"
            else:
                kind = "CAMERA_KIND_XUELIANG"
            sites.append((place, kind, p, zone_id, rng.uniform(0, 360)))

    cameras = []
    for index, (name, kind, p, zone_id, direction) in enumerate(sites, start=1):
        field_of_view = {"directionDegrees": round(direction, 1),
                         "angleDegrees": float(rng.choice((60, 70, 75, 80, 90))),
                         "rangeMetres": float(rng.randrange(80, 201, 10))}
        cameras.append(camera_json(index, name, kind, to_position(*p), zone_id, field_of_view))
    wearers = {u["id"]: u for u in units}
    # Cameras worn or carried by units: where the unit is, on the map and in the camera tree.
    for unit_id in ("u-cz-co1", "u-cd-co1"):
        wearer = wearers[unit_id]
        cameras.append(camera_json(len(cameras) + 1, wearer["name"] + " 执法记录仪", "CAMERA_KIND_BODY",
                                   wearer["position"], wearer["zoneId"], unit_id=unit_id))
    drone = wearers["u-drone1"]
    cameras.append(camera_json(len(cameras) + 1, drone["name"] + " 机载摄像头", "CAMERA_KIND_DRONE",
                               drone["position"], drone["zoneId"], unit_id="u-drone1"))
    if len(cameras) < 48:
        raise SystemExit("only %d cameras" % len(cameras))
    return cameras


DEMO_STREAM_PORT = 24000
DEMO_RTSP = "rtsp://127.0.0.1:8554/"


def camera_json(index, name, kind, position, zone_id, field_of_view=None, unit_id=None):
    """A camera, its fields in field-number order as JsonFormat prints them."""
    camera_id = "c-%03d" % index
    camera = {
        "id": camera_id,
        "name": name,
        "kind": kind,
        "position": position,
        "zoneId": zone_id,
        # As real cameras: the main stream (1920x1080) from an RTSP server, encoded only while
        # someone watches; the sub-stream (704x576) as MPEG-TS over UDP, one port each (the
        # console listens: libVLC's "udp://@").
        "mainStreamUrl": DEMO_RTSP + camera_id,
        "subStreamUrl": "udp://@127.0.0.1:%d" % (DEMO_STREAM_PORT + index),
    }
    if field_of_view is not None:
        camera["fieldOfView"] = field_of_view
    camera["stationId"] = STATION_ID
    if unit_id is not None:
        camera["unitId"] = unit_id
    return camera


def to_json(value, indent=0):
    """JSON laid out exactly as JsonFormat.printer() lays it out, so that a round trip through
    Java leaves the file unchanged: two-space indents, arrays of objects as "[{ ... }, { ... }]"."""
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return "{\n" + pad + "}"
        fields = ["%s  %s: %s" % (pad, json.dumps(k, ensure_ascii=False), to_json(v, indent + 1))
                  for k, v in value.items()]
        return "{\n" + ",\n".join(fields) + "\n" + pad + "}"
    if isinstance(value, list):
        return "[" + ", ".join(to_json(v, indent) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "demo-county", "county.json")
    seed = build()
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(to_json(seed))
        f.write("\n")
    print("wrote %s: %d zones, %d units, %d cameras, %d roads, %d users" % (
        os.path.normpath(out), len(seed["zones"]), len(seed["units"]), len(seed["cameras"]),
        len(seed["roads"]), len(seed["users"])))


if __name__ == "__main__":
    main()
