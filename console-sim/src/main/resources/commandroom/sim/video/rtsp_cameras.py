#!/usr/bin/env python3
"""Serves simulated cameras over RTSP on 127.0.0.1 with gst-rtsp-server (Debian:
gir1.2-gst-rtsp-server-1.0, gstreamer1.0-plugins-ugly for x264enc).

Usage: rtsp_cameras.py PORT ID:RRGGBB:WIDTH:HEIGHT:NAME ...

Each camera is served at rtsp://127.0.0.1:PORT/ID: a moving test pattern with a block of the
camera's colour in the top-left quarter, its name and a running clock, H.264 at 25 fps with a
keyframe every second, encoded only while someone watches (one encoder shared by all viewers).
Prints "ready" when it listens, and exits when its standard input closes (its parent is gone).
"""
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def pipeline(colour, width, height, name):
    bw, bh = width // 4, height // 4
    font = max(12, height // 24)
    return (
        "( compositor name=mix sink_1::xpos=0 sink_1::ypos=0 "
        "! video/x-raw,width=%d,height=%d "
        "! textoverlay text=\"%s\" valignment=top halignment=left xpad=%d ypad=8 font-desc=\"Noto Sans CJK SC %d\" "
        "! clockoverlay time-format=\"%%H:%%M:%%S\" valignment=top halignment=left xpad=%d ypad=%d "
        "font-desc=\"Noto Sans CJK SC %d\" "
        "! videoconvert ! x264enc tune=zerolatency speed-preset=ultrafast key-int-max=25 "
        "! rtph264pay name=pay0 pt=96 config-interval=1 "
        "videotestsrc is-live=true pattern=smpte ! video/x-raw,width=%d,height=%d,framerate=25/1 ! mix.sink_0 "
        "videotestsrc is-live=true pattern=solid-color foreground-color=0xff%s "
        "! video/x-raw,width=%d,height=%d,framerate=25/1 ! mix.sink_1 )"
        % (width, height, name.replace('"', ""), bw + 8, font, bw + 8, font * 2 + 16, font,
           width, height, colour, bw, bh)
    )


def main():
    Gst.init(None)
    port = sys.argv[1]
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(port)
    mounts = server.get_mount_points()
    for spec in sys.argv[2:]:
        camera_id, colour, width, height, name = spec.split(":", 4)
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(pipeline(colour, int(width), int(height), name))
        factory.set_shared(True)
        mounts.add_factory("/" + camera_id, factory)
    if server.attach(None) == 0:
        print("could not listen on 127.0.0.1:" + port, flush=True)
        sys.exit(1)
    loop = GLib.MainLoop()
    GLib.io_add_watch(sys.stdin.fileno(), GLib.IO_IN | GLib.IO_HUP | GLib.IO_ERR, lambda *a: loop.quit() or False)
    print("ready", flush=True)
    loop.run()


if __name__ == "__main__":
    main()
