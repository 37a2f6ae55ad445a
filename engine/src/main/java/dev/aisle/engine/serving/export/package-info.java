/** Exporters of the serving event stream: JSON lines and Chrome trace-event JSON (Perfetto). */
package dev.aisle.engine.serving.export;
