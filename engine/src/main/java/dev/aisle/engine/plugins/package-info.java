/**
 * Finding and loading plugins: {@link dev.aisle.engine.plugins.PluginRegistry} reads the
 * classpath and the jars in {@code AISLE_HOME/plugins/}, keeps what loads and reports what does
 * not, with the reason, so that a broken jar is a line in {@code aisle plugins}, not a crash.
 */
package dev.aisle.engine.plugins;
