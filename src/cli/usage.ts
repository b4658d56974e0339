/** The `mcg --help` text (DESIGN §6 CLI contract). */
export const USAGE = `Usage: mcg <command> [options]

Commands:
  scan [path]            Scan Dockerfiles, the built image, compose files, Kubernetes
                         manifests and workflows below path (default: .)
  discover [path]        Print the Dockerfiles below path as a GitHub Actions matrix
                         ({"include":[{"target","dockerfile","context"}…]})
  merge DIR…             Merge the results of several scan jobs (artifact directories)
                         into one report and one SARIF log
  rules                  List the rule catalog
  probe-cleanup          Remove every container the runtime probe labelled (after a killed run)
  --version              Print the version
  --help                 Print this help

scan options:
  --dockerfile F         Dockerfile to scan (repeatable); default: discover all
  --stdin                Check standard input (a Dockerfile, or YAML such as
                         \`helm template … | mcg scan --stdin\`); static checks only
  --stdin-name NAME      What the stream is (rendered.yaml, compose.yaml, Dockerfile);
                         findings show this path. Default: sniffed (see README)
  --context DIR          Build context for --dockerfile (default: its directory)
  --target STAGE         Build stage to build and check as the final stage
  --build-arg K=V        Build argument (repeatable)
  --platform P           Build platform, e.g. linux/amd64
  --cache-from V         BuildKit cache to import, as buildx takes it (type=local,src=DIR); repeatable
  --cache-to V           BuildKit cache to export (type=local,dest=DIR,mode=max); repeatable
  --db-repository R      Trivy vulnerability DB mirror (OCI repository), in order; repeatable
  --java-db-repository R Trivy Java DB mirror, in order; repeatable
  --max-db-age HOURS     A DB older than this fails the scan (MCG990) unless --offline
  --no-build             Static checks only: no image build, no Trivy/TruffleHog
  --image REF            Scan an existing local image instead of building
  --image-tar F          Scan a docker save tarball instead of building
  --scanners LIST        trivy,trufflehog (default both) or none
  --format F             table (default), json, sarif or markdown
  --output F             Write the formatted result to F instead of stdout
  --sarif F              Also write the SARIF log to F
  --vex F                A VEX file (OpenVEX or CycloneDX) deciding on image vulnerabilities
                         (repeatable; inside the repository)
  --vex-out F            Write the run's vulnerability suppressions as OpenVEX to F
  --sbom F               Write the image's SBOM to F (F.cdx.json / F.spdx.json by format;
                         the target in the name when several images are scanned)
  --sbom-format F        cyclonedx (default), spdx or both
  --report-json F        Also write the report JSON to F
  --severity-threshold S critical|high|medium|low|info (default high)
  --fail-on M            new (default), any or never
  --config F             Config file (default .mcg.yml at the root)
  --baseline F           Earlier report JSON or SARIF: findings in it are not new
  --ignore-unfixed       Leave out vulnerabilities without a fixed version
  --verify-secrets       Let TruffleHog verify secrets against their services
  --offline              Use the local vulnerability DB only
  --timeout-minutes N    Per-scanner timeout (default 10)
  --runtime-probe M      auto|true|false: start the built image hardened and speak MCP to it (default auto)
  --probe-transport T    auto|stdio|http (http is not supported yet)
  --probe-timeout-seconds N  Per-request timeout of the probe's handshake (default 30)
  --probe-env NAME       Pass NAME (value from mcg's environment) to the server at start (repeatable)
  --probe-env-file F     NAME=value lines to pass to the server at start
  --root DIR             Repository root that paths are relative to (default: git top level)
  --category C           SARIF category prefix (default mcg)
  --no-color             No colours (NO_COLOR is honoured too)
  --allow-empty          Accept a run that checked no file (default: exit 2, saying so)

discover options:
  --dockerfiles GLOB     Which files are Dockerfiles (repeatable, or comma/newline-separated;
                         repository-relative globs); default: Dockerfile, *.Dockerfile,
                         Dockerfile.*, Containerfile
  --context DIR          Build context for every Dockerfile (default: its directory)
  --format F             json (default, one line for $GITHUB_OUTPUT) or table
  --changed-only --base REF [--head REF]
                         Only the Dockerfiles that git diff base...head (head default HEAD)
                         can have changed; the others go to "skipped" with the reason
  --config F, --root DIR, --output F   as for scan

merge options:
  --sarif F              Write the merged SARIF log to F (when the targets do not fit one
                         upload, further logs go to F-2.sarif, F-3.sarif …)
  --report-json F        Write the merged report JSON to F
  --matrix JSON|@F       The discover matrix: a Dockerfile in it without results fails the merge
  --baseline F, --config F, --root DIR   this run's own baseline and ignore: entries: the
                         verdict is recomputed from the findings; the artifacts' result, new
                         marks and suppressions are not trusted
  --vex F                VEX files (repeatable, inside the repository) applied to the merged
                         image findings, as scan --vex applies them
  --format, --output, --severity-threshold, --fail-on, --category, --no-color   as for scan

Exit status: 0 pass, 1 the policy failed, 2 usage, config or tool error.`;
