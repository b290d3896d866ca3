/**
 * Build-time steps of the release archives; none of this code ships in them.
 *
 * <h2>Why the archives are made this way</h2>
 * A team that runs Sluice needs a release it can unpack and start, and a clear account of what it carries.
 * Two archives share one layout ({@code bin/ lib/ config/ README LICENSE NOTICE}); the second adds
 * {@code runtime/} for hosts without Java. What could drift from the code is generated from it instead:
 * <ul>
 *   <li>{@code config/sluice.properties} comes from the picocli model of {@code sluice serve}
 *       ({@code io.sluice.cli.ConfigTemplate}), so a new option appears there with its default;</li>
 *   <li>{@code NOTICE} comes from Maven's list of runtime dependencies ({@link io.sluice.dist.NoticeFile}):
 *       the build fails if a jar of {@code lib/} has no licence in its pom or its parents';</li>
 *   <li>the runtime's modules come from the jars themselves ({@link io.sluice.dist.RuntimeImage}): a modular
 *       jar's {@code requires}, {@code jdeps} for the rest, plus the modules code loads by name, which no
 *       static analysis sees. For example, Kafka's SASL/GSSAPI login needs {@code jdk.security.auth} only
 *       when a user configures Kerberos, and jcmd needs {@code jdk.attach} only when an operator runs it.</li>
 * </ul>
 * {@code ReleaseArchiveIT} then proves each archive works where a user would put it: unpacked outside the
 * source tree, with no Maven and (runtime archive) no Java installed.
 */
package io.sluice.dist;
