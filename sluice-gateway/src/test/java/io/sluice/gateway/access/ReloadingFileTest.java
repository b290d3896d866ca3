package io.sluice.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingFileTest {
    @TempDir
    Path dir;

    /** Parses one integer per file; "x" on line n is refused with line n. */
    private static Integer parse(Path file, byte[] content) throws PolicyFileException {
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\n", -1);
        int sum = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                sum += Integer.parseInt(lines[i].trim());
            } catch (NumberFormatException e) {
                throw new PolicyFileException(file, i + 1, "not a number: " + lines[i]);
            }
        }
        return sum;
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void shouldFailTheStartWithTheFilesLineAndReason() throws Exception {
        Path f = write("p.txt", "1\n2\nx\n");
        assertThatThrownBy(() -> new ReloadingFile<>(f, "test policy", ReloadingFileTest::parse))
                .isInstanceOf(PolicyFileException.class)
                .hasMessageContaining("p.txt:3: not a number: x")
                .satisfies(e -> assertThat(((PolicyFileException) e).line()).isEqualTo(3));
    }

    @Test
    void shouldFailTheStartWhenTheFileIsMissing() {
        assertThatThrownBy(() -> new ReloadingFile<>(dir.resolve("absent"), "test policy", ReloadingFileTest::parse))
                .isInstanceOf(PolicyFileException.class).hasMessageContaining("cannot read");
    }

    @Test
    void shouldTakeAChangedFileIntoEffect() throws Exception {
        Path f = write("p.txt", "1\n2\n");
        ReloadingFile<Integer> policy = new ReloadingFile<>(f, "test policy", ReloadingFileTest::parse);
        assertThat(policy.current()).isEqualTo(3);
        assertThat(policy.reloadIfChanged()).isFalse();

        write("p.txt", "1\n2\n4\n");
        assertThat(policy.reloadIfChanged()).isTrue();
        assertThat(policy.current()).isEqualTo(7);
    }

    @Test
    void shouldKeepTheLastGoodPolicyWhenAnEditIsBadOrTheFileVanishes() throws Exception {
        Path f = write("p.txt", "5\n");
        ReloadingFile<Integer> policy = new ReloadingFile<>(f, "test policy", ReloadingFileTest::parse);

        write("p.txt", "5\noops\n");
        assertThat(policy.reloadIfChanged()).isFalse();
        assertThat(policy.current()).isEqualTo(5);

        Files.delete(f);
        assertThat(policy.reloadIfChanged()).isFalse();
        assertThat(policy.current()).isEqualTo(5);

        write("p.txt", "6\n");
        assertThat(policy.reloadIfChanged()).isTrue();
        assertThat(policy.current()).isEqualTo(6);
    }

    @Test
    void shouldSeeAFileReplacedByAnAtomicRename() throws Exception {
        Path f = write("p.txt", "1\n");
        ReloadingFile<Integer> policy = new ReloadingFile<>(f, "test policy", ReloadingFileTest::parse);
        Path next = write("p.txt.new", "9\n");
        Files.move(next, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertThat(policy.reloadIfChanged()).isTrue();
        assertThat(policy.current()).isEqualTo(9);
    }
}
