package commandroom.server.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import commandroom.server.testing.Backend;
import commandroom.server.testing.EventCollector;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.DispatchTaskRequest;
import commandroom.v1.Event;
import commandroom.v1.GetPhotoRequest;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.IncidentType;
import commandroom.v1.Photo;
import commandroom.v1.Priority;
import commandroom.v1.Progress;
import commandroom.v1.ReportIncidentRequest;
import commandroom.v1.ReportProgressRequest;
import commandroom.v1.ResultCode;
import commandroom.v1.Snapshot;
import commandroom.v1.SubmitFeedbackRequest;
import commandroom.v1.SubscribeRequest;
import commandroom.v1.Task;
import commandroom.v1.TaskKind;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Three feedbacks of six 2 MiB photos once made the snapshot 50 MB, and no console could load it.
 * Now ten feedbacks of six photos of about 2 MiB each leave the snapshot and every event small: a
 * console with gRPC's default 4 MiB limit loads the snapshot and follows the log from its first
 * event; the photos come by hash from GetPhoto, byte for byte, to those who may see them. A photo
 * whose bytes are not the image its type says is refused.
 */
class ImagesApartTest {

    private static final int PHOTO_BYTES = 2 * 1024 * 1024 - 4096;

    @Test
    void tenFeedbacksOfSixLargePhotosLeaveTheSnapshotAndTheStreamSmall() throws Exception {
        Random random = new Random(18);
        try (TestHub hub = TestHub.start(Backend.H2);
             HubClient duty = hub.login("duty1");
             HubClient leader = hub.login("leader1");
             HubClient admin = hub.login("admin1")) {
            String[] units = {"u-cd-co1", "u-cd-aux1", "u-cx-co1", "u-car1"};
            List<HubClient> terminals = new ArrayList<>();
            for (String u : units) {
                terminals.add(hub.login(u));
            }
            List<Task> tasks = new ArrayList<>();
            List<List<Photo>> sent = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                var incident = duty.command().reportIncident(ReportIncidentRequest.newBuilder()
                        .setType(IncidentType.INCIDENT_TYPE_DISPUTE).setPriority(Priority.PRIORITY_NORMAL)
                        .setPosition(TestCounty.pos(30.5452, 119.9655)).setAddress("城东路 " + i + " 号")
                        .setSummary("纠纷 " + i).build()).getIncident();
                int u = i % units.length;
                Task task = leader.command().dispatchTask(DispatchTaskRequest.newBuilder()
                        .setIncidentId(incident.getId()).setExpectedIncidentVersion(incident.getVersion())
                        .setKind(TaskKind.TASK_KIND_MEDIATE).addUnitIds(units[u]).setInstruction("到场调解").build())
                        .getTask();
                HubClient terminal = terminals.get(u);
                for (Progress p : new Progress[] {Progress.PROGRESS_DELIVERED, Progress.PROGRESS_SIGNED_FOR,
                        Progress.PROGRESS_ARRIVED, Progress.PROGRESS_IN_PROGRESS}) {
                    terminal.field().reportProgress(ReportProgressRequest.newBuilder().setTaskId(task.getId())
                            .setProgress(p).build());
                }
                List<Photo> photos = new ArrayList<>();
                for (int k = 0; k < 6; k++) {
                    photos.add(png("scene-" + i + "-" + k + ".png", PHOTO_BYTES, random));
                }
                terminal.field().withDeadlineAfter(60, java.util.concurrent.TimeUnit.SECONDS).submitFeedback(
                        SubmitFeedbackRequest.newBuilder().setTaskId(task.getId())
                        .setResultCode(ResultCode.RESULT_CODE_MEDIATED).setText("调解成功").addAllPhotos(photos).build());
                tasks.add(task);
                sent.add(photos);
            }

            // A console with gRPC's default limits: 4 MiB a message.
            ManagedChannel small = io.grpc.Grpc.newChannelBuilderForAddress("127.0.0.1", hub.port(),
                    io.grpc.TlsChannelCredentials.newBuilder().trustManager(hub.certificate().toFile()).build())
                    .build();
            try {
                HubClient chief = hub.login("chief1");
                var token = HubClient.bearer(chief.login().getAccessToken());
                Snapshot snapshot = CommandServiceGrpc.newBlockingStub(small).withCallCredentials(token)
                        .getSnapshot(GetSnapshotRequest.getDefaultInstance());
                assertTrue(snapshot.getSerializedSize() < 256 * 1024, "snapshot " + snapshot.getSerializedSize() + " bytes");
                Task first = snapshot.getTasksList().stream().filter(t -> t.getId().equals(tasks.get(0).getId()))
                        .findFirst().orElseThrow();
                assertEquals(6, first.getFeedback().getPhotosCount());
                assertTrue(first.getFeedback().getPhotos(0).getData().isEmpty(), "no bytes in the snapshot");
                assertEquals(PHOTO_BYTES, first.getFeedback().getPhotos(0).getSize());

                EventCollector stream = new EventCollector();
                CommandServiceGrpc.newStub(small).withCallCredentials(token)
                        .subscribe(SubscribeRequest.newBuilder().setFromSequence(1).build(), stream);
                stream.await(e -> e.getSequence() == snapshot.getAsOfSequence(), Duration.ofSeconds(20));
                assertNull(stream.error());
                int largest = stream.events().stream().mapToInt(Event::getSerializedSize).max().orElse(0);
                assertTrue(largest < 64 * 1024, "largest event on the stream: " + largest + " bytes");

                for (int i = 0; i < tasks.size(); i += 3) {
                    Photo original = sent.get(i).get(5);
                    Photo fetched = CommandServiceGrpc.newBlockingStub(chief.channel()).withCallCredentials(token)
                            .getPhoto(GetPhotoRequest.newBuilder().setTaskId(tasks.get(i).getId())
                                    .setSha256(original.getSha256()).build());
                    assertArrayEquals(original.getData().toByteArray(), fetched.getData().toByteArray());
                    assertEquals(original.getName(), fetched.getName());
                }
                StatusRuntimeException otherTask = assertThrows(StatusRuntimeException.class, () -> chief.command()
                        .getPhoto(GetPhotoRequest.newBuilder().setTaskId(tasks.get(1).getId())
                                .setSha256(sent.get(0).get(0).getSha256()).build()));
                assertEquals(Status.Code.NOT_FOUND, otherTask.getStatus().getCode(), "a photo is fetched through its own task");
                StatusRuntimeException it = assertThrows(StatusRuntimeException.class, () -> admin.command()
                        .getPhoto(GetPhotoRequest.newBuilder().setTaskId(tasks.get(0).getId())
                                .setSha256(sent.get(0).get(0).getSha256()).build()));
                assertEquals(Status.Code.PERMISSION_DENIED, it.getStatus().getCode(), "the IT administrator sees no photos");
                chief.close();
            } finally {
                small.shutdownNow();
            }
            terminals.forEach(HubClient::close);
        }
    }

    @Test
    void aPhotoMustBeTheImageItsTypeSays() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2);
             HubClient unit = hub.login("u-cd-co1")) {
            long before = hub.hub().lastSequence();
            byte[] notAnImage = "MZ this is a program, not a photo".repeat(100).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> unit.field().submitFeedback(
                    SubmitFeedbackRequest.newBuilder().setTaskId("T-1").setResultCode(ResultCode.RESULT_CODE_MEDIATED)
                            .setText("x").addPhotos(photo("a.jpg", "image/jpeg", notAnImage)).build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
            assertTrue(e.getStatus().getDescription().contains("photos[0].data"), e.getStatus().getDescription());
            assertEquals(before, hub.hub().lastSequence());
        }
    }

    /** A PNG header (signature, IHDR of 4000×3000) followed by noise: as large as a phone's photo. */
    static Photo png(String name, int size, Random random) throws Exception {
        byte[] data = new byte[size];
        random.nextBytes(data);
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                0, 0, 0x0f, (byte) 0xa0, 0, 0, 0x0b, (byte) 0xb8};
        System.arraycopy(head, 0, data, 0, head.length);
        return photo(name, "image/png", data);
    }

    private static Photo photo(String name, String type, byte[] data) throws Exception {
        return Photo.newBuilder().setName(name).setContentType(type).setData(ByteString.copyFrom(data))
                .setSha256(ByteString.copyFrom(MessageDigest.getInstance("SHA-256").digest(data))).build();
    }
}
