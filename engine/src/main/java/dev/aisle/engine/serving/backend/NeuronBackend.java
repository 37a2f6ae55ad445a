package dev.aisle.engine.serving.backend;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code neuron} backend's preflight: AWS Inferentia/Trainium needs a Neuron device
 * ({@code /dev/neuron*}) and the Neuron runtime library ({@code libnrt.so}), and runs graphs
 * compiled ahead of time for fixed shapes. Choosing it where either is missing fails with a
 * message that names what is missing and suggests {@code neuron-profile}.
 */
public final class NeuronBackend {

    private NeuronBackend() {
    }

    /** What the machine has for Neuron. */
    public record Probe(List<Path> devices, List<Path> runtimeLibraries, List<Path> searched) {

        public boolean ready() {
            return !devices.isEmpty() && !runtimeLibraries.isEmpty();
        }

        /** Empty when nothing is missing. */
        public String missing() {
            List<String> m = new ArrayList<>();
            if (devices.isEmpty()) {
                m.add("no Neuron device (no /dev/neuron* present)");
            }
            if (runtimeLibraries.isEmpty()) {
                m.add("no Neuron runtime library (libnrt.so not found in " + searched + ")");
            }
            return String.join(" and ", m);
        }
    }

    public static Probe probe() {
        return probe(Path.of("/dev"), System.getenv().getOrDefault("LD_LIBRARY_PATH", ""));
    }

    static Probe probe(Path devDir, String libraryPath) {
        List<Path> devices = new ArrayList<>();
        if (Files.isDirectory(devDir)) {
            try (Stream<Path> s = Files.list(devDir)) {
                s.filter(p -> p.getFileName().toString().matches("neuron\\d+")).sorted().forEach(devices::add);
            } catch (IOException e) {
                // an unreadable /dev counts as no device; the message says so
            }
        }
        Set<Path> dirs = new LinkedHashSet<>();
        for (String d : libraryPath.split(File.pathSeparator)) {
            if (!d.isBlank()) {
                dirs.add(Path.of(d));
            }
        }
        for (String d : List.of("/opt/aws/neuron/lib", "/usr/lib", "/usr/lib64", "/usr/local/lib",
                "/usr/lib/x86_64-linux-gnu")) {
            dirs.add(Path.of(d));
        }
        List<Path> libs = new ArrayList<>();
        for (Path d : dirs) {
            Path lib = d.resolve("libnrt.so");
            Path lib1 = d.resolve("libnrt.so.1");
            if (Files.exists(lib)) {
                libs.add(lib);
            } else if (Files.exists(lib1)) {
                libs.add(lib1);
            }
        }
        return new Probe(devices, libs, List.copyOf(dirs));
    }

    /**
     * Opens the backend or explains why not. With device and runtime present it still needs a
     * model compiled for Neuron (torch-neuronx trace, one graph per shape bucket), which this
     * build does not produce; that is said too.
     */
    public static Backend open(ShapeProfile profile) {
        Probe p = probe();
        if (!p.ready()) {
            throw new IllegalStateException("backend neuron unavailable: " + p.missing()
                    + ". To profile scheduling under Neuron's static shapes on this machine, use --backend neuron-profile");
        }
        throw new IllegalStateException("backend neuron: device " + p.devices() + " and runtime " + p.runtimeLibraries()
                + " found, but no Neuron-compiled model (NEFF graphs for batch buckets " + profile.batchBuckets()
                + " and context buckets " + profile.contextBuckets() + ") is available to this build;"
                + " use --backend neuron-profile to run the same shape bucketing on the CPU backend");
    }
}
