package dev.baton.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Holds a data folder for the one Baton that runs on it. The operating system releases the lock when its process ends
 * in any way, kill -9 included, so a lock that cannot be had means a Baton that is alive; its file names that Baton's
 * process.
 */
final class DataFolderLock implements AutoCloseable {

    static final String FILE = "baton.lock";

    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Another Baton, alive, holds the folder. */
    static final class HeldByAnother extends RuntimeException {
        private final Path folder;
        private final String holder;

        HeldByAnother(Path folder, String holder) {
            super("Baton is already running on the data folder " + folder + " (" + holder + ")");
            this.folder = folder;
            this.holder = holder;
        }

        Path folder() {
            return folder;
        }

        String holder() {
            return holder;
        }
    }

    /** Takes the folder for this process, or throws {@link HeldByAnother} at once, touching nothing. */
    static DataFolderLock take(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            Files.createDirectories(folder);
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new HeldByAnother(folder, holder);
            }
            String me = "process " + ProcessHandle.current().pid();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new DataFolderLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock the data folder " + folder + " (" + file + ")", e);
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(200);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        return text.matches("process \\d+") ? text : "another process";
    }

    /** Lets go of the folder; done once, however often it is called. */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
