package dev.aisle.engine.serving.backend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NeuronBackendTest {

    @Test
    void missingDeviceAndRuntimeAreBothNamed(@TempDir Path dev) {
        NeuronBackend.Probe p = NeuronBackend.probe(dev, dev.resolve("nolib").toString());
        assertFalse(p.ready());
        assertTrue(p.missing().contains("/dev/neuron*"), p.missing());
        assertTrue(p.missing().contains("libnrt.so"), p.missing());
    }

    @Test
    void deviceAndRuntimeAreFoundWhereTheyExist(@TempDir Path root) throws Exception {
        Path dev = Files.createDirectories(root.resolve("dev"));
        Files.createFile(dev.resolve("neuron0"));
        Path lib = Files.createDirectories(root.resolve("lib"));
        Files.createFile(lib.resolve("libnrt.so.1"));
        NeuronBackend.Probe p = NeuronBackend.probe(dev, lib.toString());
        assertTrue(p.ready(), p.missing());
        assertTrue(p.missing().isEmpty());
    }

    @Test
    void openingOnThisMachineFailsNamingWhatIsMissing() {
        NeuronBackend.Probe p = NeuronBackend.probe();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NeuronBackend.open(ShapeProfile.defaults()));
        assertTrue(e.getMessage().contains(p.ready() ? "no Neuron-compiled model" : p.missing()), e.getMessage());
        assertTrue(e.getMessage().contains("neuron-profile"), e.getMessage());
    }

    @Test
    void shapeProfileParsesAndRejectsBadBuckets() {
        ShapeProfile s = ShapeProfile.parse("1,2,4/32,64");
        assertTrue(s.batchBucket(3) == 4 && s.contextBucket(33) == 64);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.batchBucket(5)).getMessage().contains("5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ShapeProfile.parse("4,2/8"))
                .getMessage().contains("ascending"));
    }
}
