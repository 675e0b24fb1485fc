package commandroom.server.api;

import commandroom.server.auth.TokenService;
import commandroom.server.auth.UserDirectory;
import commandroom.server.log.FanOut;
import commandroom.server.loop.Hub;
import commandroom.server.loop.TaskRules;
import commandroom.server.store.EventStore;
import commandroom.server.store.ImageStore;

/**
 * Builds the services that share the image store and the streams' leases, so the bootstrap does
 * not need to know those parts. Thread-safe.
 */
public final class Services {

    private final Hub hub;
    private final FanOut fanOut;
    private final ImageBytes images;
    private final StreamLeases leases;
    private final ClipTransfers clips;

    public Services(Hub hub, FanOut fanOut, ImageStore images, commandroom.server.store.ClipStore clips,
                    EventStore events, TokenService tokens, UserDirectory users) {
        this.clips = new ClipTransfers(hub, clips);
        this.hub = hub;
        this.fanOut = fanOut;
        this.images = new ImageBytes(images, events, hub);
        this.leases = new StreamLeases(tokens, users, hub.clock());
    }

    public CommandGrpcService command(TaskRules rules) {
        return new CommandGrpcService(hub, rules, fanOut, images, leases, clips);
    }

    /** Cameras from camera sources; their watches end with their caller's session. */
    public CameraGrpcService cameras(commandroom.server.cameras.CameraSources sources) {
        return new CameraGrpcService(hub, sources, leases);
    }

    /** @param fastestMps a position report implying a faster move is flagged implausible */
    public FieldGrpcService field(double fastestMps) {
        return new FieldGrpcService(hub, fanOut, images, leases, fastestMps);
    }
}
