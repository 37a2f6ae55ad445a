/**
 * A sample plugin: a "delivery-estimate" store service that dates a parcel's arrival from the
 * warehouse a product ships from and the zone of the shopper's ZIP code or postcode. Deterministic
 * from the ids and the clock, so answers and tests are repeatable.
 */
package dev.aisle.plugins.delivery;
