package commandroom.server.ops;

import commandroom.server.store.PrivateFiles;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/**
 * The hub's log file: {@code hub.log}, rotated at a size to {@code hub.log.1} … {@code hub.log.N-1}
 * (the oldest dropped), every file readable by the hub's user only (0600), the first one and each
 * new one after a rotation alike. JUL's own FileHandler makes its files with the process's umask
 * (0644 as a rule), and the log names users, addresses and who ordered what. Thread-safe: the
 * handler's methods are synchronized, as StreamHandler's are.
 */
final class PrivateLogFile extends StreamHandler {

    private final Path file;
    private final long limitBytes;
    private final int count;
    private long written;

    PrivateLogFile(Path file, long limitBytes, int count, Formatter formatter) throws IOException {
        this.file = file.toAbsolutePath();
        this.limitBytes = limitBytes;
        this.count = count;
        setFormatter(formatter);
        PrivateFiles.createDirectories(this.file.getParent());
        open();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        super.publish(record);
        flush();
        if (written >= limitBytes) {
            rotate();
        }
    }

    private void open() throws IOException {
        written = Files.exists(file) ? Files.size(file) : 0;
        OutputStream out = PrivateFiles.append(file);
        setOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                written += len;
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                written++;
            }
        });
    }

    private void rotate() {
        // Closed first: Windows cannot rename an open file.
        super.close();
        try {
            for (int i = count - 1; i >= 1; i--) {
                Path from = i == 1 ? file : generation(i - 1);
                if (Files.exists(from)) {
                    Files.move(from, generation(i), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (count <= 1) {
                Files.deleteIfExists(file);
            }
            open();
        } catch (IOException e) {
            reportError("cannot rotate the log file " + file, e, ErrorManager.OPEN_FAILURE);
        }
    }

    private Path generation(int i) {
        return file.resolveSibling(file.getFileName() + "." + i);
    }
}
