package dev.aisle.engine.plugins;

import dev.aisle.engine.serving.backend.Backend;
import dev.aisle.engine.spi.AislePlugin;
import dev.aisle.engine.spi.BackendPlugin;
import dev.aisle.engine.spi.EvidenceSource;

import java.util.List;

/** Plugins of every kind of behaviour, registered in this module's test META-INF/services. */
final class TestPlugins {

    private TestPlugins() {
    }

    public static final class Working implements AislePlugin {
        @Override
        public String name() {
            return "working";
        }

        @Override
        public String version() {
            return "1.2.3";
        }

        @Override
        public List<EvidenceSource> evidenceSources() {
            return List.of(new EvidenceSource() {
                @Override
                public String name() {
                    return "working-source";
                }

                @Override
                public List<EvidenceItem> fetch(EvidenceRequest request) {
                    return List.of(new EvidenceItem("w1", "", "a working plugin's evidence", 1));
                }
            });
        }

        /** The engine's CPU backend under another name: enough to show a plugin backend is found and chosen. */
        @Override
        public List<BackendPlugin> backends() {
            return List.of(new BackendPlugin() {
                @Override
                public String name() {
                    return "working-cpu";
                }

                @Override
                public String description() {
                    return "the engine's CPU backend, from a plugin";
                }

                @Override
                public Backend create(BackendRequest request) {
                    return request.cpuBackend().get();
                }
            });
        }
    }

    public static final class ThrowsOnConstruction implements AislePlugin {
        public ThrowsOnConstruction() {
            throw new IllegalStateException("licence file missing");
        }

        @Override
        public String name() {
            return "never";
        }

        @Override
        public String version() {
            return "0";
        }
    }

    public static final class FromTheFuture implements AislePlugin {
        @Override
        public int apiVersion() {
            return API_VERSION + 1;
        }

        @Override
        public String name() {
            return "future";
        }

        @Override
        public String version() {
            return "9.0";
        }
    }

    public static final class ThrowsWhenAsked implements AislePlugin {
        @Override
        public String name() {
            return "moody";
        }

        @Override
        public String version() {
            return "0.1";
        }

        @Override
        public List<EvidenceSource> evidenceSources() {
            throw new UnsupportedOperationException("not today");
        }
    }
}
