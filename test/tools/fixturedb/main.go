// Command fixturedb writes a small Trivy vulnerability DB for the test rig
// (DESIGN §9): <cache-dir>/db/trivy.db (bbolt, trivy-db schema 2) and
// <cache-dir>/db/metadata.json, so that `trivy --cache-dir <cache-dir>
// --skip-db-update` reports a known set of findings on the rig's images.
//
// The advisories are FICTIONAL fixtures (except the two language ones, which
// mirror real GitHub advisories) and target packages really installed in the
// rig's images:
//   - curl (source of curl, libcurl4): absent from every rig base image, so a
//     Dockerfile's `RUN apt-get install curl` layer is what introduces it;
//   - expat, sqlite3, python3.11: in python:3.12 and python:3.12-slim;
//     openssh: in python:3.12 only; none of them in node:22-slim
//     (the hardened Node example must stay clean);
//   - pip requests <2.32.0; npm zod <3.22.3.
//
// Usage:
//
//	fixturedb -cache-dir DIR   write DIR/db/{trivy.db,metadata.json}
//	fixturedb -list            print the advisories as JSON
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/aquasecurity/trivy-db/pkg/db"
	"github.com/aquasecurity/trivy-db/pkg/metadata"
	"github.com/aquasecurity/trivy-db/pkg/types"
	"github.com/aquasecurity/trivy-db/pkg/vulnsrc/vulnerability"
)

// Fixture is one advisory: where Trivy looks it up and what it reports.
type Fixture struct {
	ID          string   `json:"id"`
	Bucket      string   `json:"bucket"`  // trivy-db platform bucket
	Package     string   `json:"package"` // source package name for Debian, package name for languages
	Severity    string   `json:"severity"`
	Fixed       string   `json:"fixedVersion,omitempty"`       // OS: fixed version ("" = unfixed, status affected)
	Vulnerable  []string `json:"vulnerableVersions,omitempty"` // languages: version ranges
	Patched     []string `json:"patchedVersions,omitempty"`
	CVSSVector  string   `json:"cvssV3Vector,omitempty"`
	CVSSScore   float64  `json:"cvssV3Score,omitempty"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	CWE         []string `json:"cwe,omitempty"`
	References  []string `json:"references,omitempty"`
	Hits        string   `json:"hits"` // which rig image / layer it is expected to hit (documentation)
}

const (
	debian12 = "debian 12"
	pipGHSA  = "pip::GitHub Security Advisory pip"
	npmGHSA  = "npm::GitHub Security Advisory npm"
)

var sources = map[string]types.DataSource{
	debian12: {ID: vulnerability.Debian, Name: "Debian Security Tracker", URL: "https://salsa.debian.org/security-tracker-team/security-tracker"},
	pipGHSA:  {ID: vulnerability.GHSA, Name: "GitHub Security Advisory pip", URL: "https://github.com/advisories?query=type%3Areviewed+ecosystem%3Apip"},
	npmGHSA:  {ID: vulnerability.GHSA, Name: "GitHub Security Advisory npm", URL: "https://github.com/advisories?query=type%3Areviewed+ecosystem%3Anpm"},
}

// Fixtures is the whole fixture DB. Keep README (scripts/rig/README.md) in step.
var Fixtures = []Fixture{
	{
		ID: "CVE-2026-91001", Bucket: debian12, Package: "curl", Severity: "CRITICAL", Fixed: "8.14.1-2",
		CVSSVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", CVSSScore: 9.8,
		Title:       "curl: heap buffer overflow in SOCKS5 proxy handshake (rig fixture)",
		Description: "FICTIONAL advisory written by the MCP Container Guard test rig. A long hostname passed through a SOCKS5 proxy overflows a heap buffer in libcurl.",
		CWE:         []string{"CWE-122"},
		Hits:        "curl + libcurl4, layer of `RUN apt-get install curl` (not in any rig base image)",
	},
	{
		ID: "CVE-2026-91002", Bucket: debian12, Package: "curl", Severity: "HIGH",
		CVSSVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", CVSSScore: 7.5,
		Title:       "curl: credentials leaked on cross-origin redirect (rig fixture)",
		Description: "FICTIONAL advisory written by the MCP Container Guard test rig. libcurl forwards the Authorization header to a different host after a redirect. No fix in bookworm.",
		CWE:         []string{"CWE-200"},
		Hits:        "curl + libcurl4, layer of `RUN apt-get install curl`; unfixed (Status affected)",
	},
	{
		ID: "CVE-2026-91003", Bucket: debian12, Package: "expat", Severity: "HIGH", Fixed: "2.7.1-2",
		CVSSVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", CVSSScore: 7.5,
		Title:       "expat: unbounded recursion on nested entities (rig fixture)",
		Description: "FICTIONAL advisory written by the MCP Container Guard test rig. Deeply nested entity references exhaust the stack in libexpat.",
		CWE:         []string{"CWE-674"},
		Hits:        "libexpat1, the python RUN layer of python:3.12 and python:3.12-slim (not in node:22-slim)",
	},
	{
		ID: "CVE-2026-91004", Bucket: debian12, Package: "sqlite3", Severity: "MEDIUM",
		CVSSVector: "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H", CVSSScore: 5.5,
		Title:       "sqlite3: assertion failure on malformed schema (rig fixture)",
		Description: "FICTIONAL advisory written by the MCP Container Guard test rig. Opening a crafted database file aborts the process. No fix in bookworm.",
		CWE:         []string{"CWE-617"},
		Hits:        "libsqlite3-0, the python RUN layer of python:3.12 and python:3.12-slim (not in node:22-slim); unfixed",
	},
	{
		ID: "CVE-2026-91005", Bucket: debian12, Package: "openssh", Severity: "MEDIUM", Fixed: "1:10.0p1-1",
		Title:       "openssh: ssh client accepts truncated host key certificate (rig fixture)",
		Description: "FICTIONAL advisory written by the MCP Container Guard test rig. No CVSS score on purpose.",
		CWE:         []string{"CWE-295"},
		Hits:        "openssh-client, the RUN layer of python:3.12 only (not in python:3.12-slim nor node:22-slim)",
	},
	{
		ID: "CVE-2026-91006", Bucket: debian12, Package: "python3.11", Severity: "LOW",
		Title:       "python3.11: tarfile filter bypass with hard links (rig fixture)",
		Description: "FICTIONAL advisory written by the MCP Container Guard test rig. No fix in bookworm.",
		Hits:        "python3.11, python3.11-minimal, libpython3.11-*, the python RUN layer of python:3.12 and python:3.12-slim; unfixed",
	},
	{
		// Mirrors the real GHSA-9wx4-h78v-vm56 / CVE-2024-35195.
		ID: "CVE-2024-35195", Bucket: pipGHSA, Package: "requests", Severity: "MEDIUM",
		Vulnerable: []string{"<2.32.0"}, Patched: []string{"2.32.0"},
		CVSSVector: "CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:H/I:H/A:N", CVSSScore: 5.6,
		Title:       "Requests `Session` object does not verify requests after making first request with verify=False",
		Description: "When making requests through a Requests Session, if the first request is made with verify=False to disable cert verification, all subsequent requests to the same origin will continue to ignore cert verification regardless of changes to the value of verify.",
		CWE:         []string{"CWE-670"},
		References:  []string{"https://github.com/advisories/GHSA-9wx4-h78v-vm56"},
		Hits:        "requests 2.31.0 installed by `pip install -r requirements.txt` (python example)",
	},
	{
		// Mirrors the real GHSA-m95q-7qp3-xv42 / CVE-2023-4316.
		ID: "CVE-2023-4316", Bucket: npmGHSA, Package: "zod", Severity: "MEDIUM",
		Vulnerable: []string{"<3.22.3"}, Patched: []string{"3.22.3"},
		CVSSVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L", CVSSScore: 5.3,
		Title:       "Zod denial of service vulnerability",
		Description: "Zod version 3.22.2 allows an attacker to perform a denial of service while validating emails.",
		CWE:         []string{"CWE-1333"},
		References:  []string{"https://github.com/advisories/GHSA-m95q-7qp3-xv42"},
		Hits:        "zod <3.22.3 only; the Node example's zod 3.25.x must NOT match",
	},
}

var fixedTime = time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)

func main() {
	cacheDir := flag.String("cache-dir", "", "Trivy cache dir to write db/trivy.db and db/metadata.json into")
	list := flag.Bool("list", false, "print the fixture advisories as JSON and exit")
	flag.Parse()

	if *list {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(Fixtures); err != nil {
			fail(err)
		}
		return
	}
	if *cacheDir == "" {
		fmt.Fprintln(os.Stderr, "usage: fixturedb -cache-dir DIR | -list")
		os.Exit(2)
	}
	if err := write(filepath.Join(*cacheDir, "db")); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "fixturedb:", err)
	os.Exit(1)
}

func write(dbDir string) error {
	// start from an empty file: the DB is exactly the fixtures
	if err := os.MkdirAll(dbDir, 0o755); err != nil {
		return err
	}
	_ = os.Remove(db.Path(dbDir))
	if err := db.Init(dbDir); err != nil {
		return err
	}
	defer db.Close()

	dbc := db.Config{}
	err := dbc.BatchUpdate(func(tx *bolt.Tx) error {
		for bkt, src := range sources {
			if err := dbc.PutDataSource(tx, bkt, src); err != nil {
				return err
			}
		}
		for _, f := range Fixtures {
			sev, err := types.NewSeverity(f.Severity)
			if err != nil {
				return err
			}
			adv := types.Advisory{
				FixedVersion:       f.Fixed,
				VulnerableVersions: f.Vulnerable,
				PatchedVersions:    f.Patched,
			}
			if f.Bucket == debian12 {
				if f.Fixed == "" {
					adv.Status = types.StatusAffected
				} else {
					adv.Status = types.StatusFixed
				}
			}
			// pointer: Advisory.MarshalJSON (pointer receiver) stores Status
			if err := dbc.PutAdvisory(tx, []string{f.Bucket, f.Package}, f.ID, &adv); err != nil {
				return err
			}

			published := fixedTime
			vuln := types.Vulnerability{
				Title:       f.Title,
				Description: f.Description,
				Severity:    f.Severity,
				CweIDs:      f.CWE,
				VendorSeverity: types.VendorSeverity{
					sources[f.Bucket].ID: sev,
					vulnerability.NVD:    sev,
				},
				References:       append([]string{"https://nvd.nist.gov/vuln/detail/" + f.ID}, f.References...),
				PublishedDate:    &published,
				LastModifiedDate: &published,
			}
			if f.CVSSVector != "" {
				vuln.CVSS = types.VendorCVSS{
					vulnerability.NVD: {V3Vector: f.CVSSVector, V3Score: f.CVSSScore},
				}
			}
			if err := dbc.PutVulnerability(tx, f.ID, vuln); err != nil {
				return err
			}
			if err := dbc.PutVulnerabilityID(tx, f.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}

	return metadata.NewClient(dbDir).Update(metadata.Metadata{
		Version:      db.SchemaVersion,
		NextUpdate:   time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC),
		UpdatedAt:    fixedTime,
		DownloadedAt: fixedTime,
	})
}
