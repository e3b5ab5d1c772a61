package org.civicledger.query.page;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param enabled  serve a record page again from its rendered bytes while the read models have not changed
 * @param maxBytes the rendered pages kept at once, by size; the least used go first
 */
@ConfigurationProperties("civic.pages.cache")
record PageCacheSettings(boolean enabled, DataSize maxBytes) {
}
