/**
 * The {@code khien} command line (picocli): {@code serve} and the offline commands. Offline commands that
 * only read files use the {@code core} engines directly and never start Spring.
 */
@NullMarked
package vn.khien.app.cli;

import org.jspecify.annotations.NullMarked;
