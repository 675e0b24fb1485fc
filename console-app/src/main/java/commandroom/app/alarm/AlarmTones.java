package commandroom.app.alarm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The alarm sounds, made here as WAV (16-bit mono PCM) rather than shipped: urgent is a fast
 * two-tone warble that does not stop being heard across a room, high two firm beeps, normal and
 * low one soft one. Stateless.
 */
final class AlarmTones {

    static final int RATE = 22_050;

    private AlarmTones() {}

    /** The WAV of a priority's sound (URGENT, HIGH, NORMAL, LOW). */
    static byte[] wav(String priority) {
        short[] samples = switch (priority) {
            case "URGENT" -> join(beep(988, 0.16, 0.9), beep(1319, 0.16, 0.9), beep(988, 0.16, 0.9),
                    beep(1319, 0.16, 0.9), beep(988, 0.16, 0.9), beep(1319, 0.16, 0.9));
            case "HIGH" -> join(beep(784, 0.18, 0.7), silence(0.12), beep(784, 0.18, 0.7));
            default -> beep(523, 0.25, 0.45);
        };
        return wrap(samples);
    }

    private static short[] beep(double hz, double seconds, double loudness) {
        int n = (int) (RATE * seconds);
        short[] out = new short[n];
        int fade = RATE / 100;
        for (int i = 0; i < n; i++) {
            // 10 ms in and out, so the beep does not click.
            double envelope = Math.min(1, Math.min(i, n - 1 - i) / (double) fade);
            out[i] = (short) (Math.sin(2 * Math.PI * hz * i / RATE) * envelope * loudness * Short.MAX_VALUE);
        }
        return out;
    }

    private static short[] silence(double seconds) {
        return new short[(int) (RATE * seconds)];
    }

    private static short[] join(short[]... parts) {
        int n = 0;
        for (short[] p : parts) {
            n += p.length;
        }
        short[] out = new short[n];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static byte[] wrap(short[] samples) {
        ByteBuffer b = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + samples.length * 2)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(samples.length * 2);
        for (short s : samples) {
            b.putShort(s);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(b.array());
        return out.toByteArray();
    }
}
