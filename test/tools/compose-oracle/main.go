// compose-oracle loads compose files with compose-go (the consumer's own loader, interpolation
// on) and prints, per file, one NDJSON line with the values MCP Container Guard's compose rules
// read for every service, or the loader's error. Batch mode: file paths as arguments, or one per
// line on standard input when there are none.
//
// Environment: only a `.env` file next to the compose file (what compose reads by default) and
// nothing from the process environment, as MCP Container Guard's scan does.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/compose-spec/compose-go/v2/dotenv"
	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"
)

type port struct {
	HostIP    string `json:"host_ip"`
	Published string `json:"published"`
	Target    uint32 `json:"target"`
	Protocol  string `json:"protocol"`
}

type volume struct {
	Type     string `json:"type"`
	Source   string `json:"source"`
	Target   string `json:"target"`
	ReadOnly bool   `json:"read_only"`
}

type device struct {
	Source      string `json:"source"`
	Target      string `json:"target"`
	Permissions string `json:"permissions"`
}

type service struct {
	Image       string             `json:"image"`
	User        string             `json:"user"`
	UsernsMode  string             `json:"userns_mode"`
	GroupAdd    []string           `json:"group_add"`
	Devices     []device           `json:"devices"`
	Cpus        float64            `json:"cpus"`
	DeployCpus  float64            `json:"deploy_cpus"`
	Privileged  bool               `json:"privileged"`
	ReadOnly    bool               `json:"read_only"`
	CapAdd      []string           `json:"cap_add"`
	CapDrop     []string           `json:"cap_drop"`
	SecurityOpt []string           `json:"security_opt"`
	NetworkMode string             `json:"network_mode"`
	Pid         string             `json:"pid"`
	Ipc         string             `json:"ipc"`
	Volumes     []volume           `json:"volumes"`
	Ports       []port             `json:"ports"`
	Environment map[string]*string `json:"environment"`
	MemLimit    int64              `json:"mem_limit"`
	DeployMem   int64              `json:"deploy_memory"`
	LogDriver   string             `json:"log_driver"`
	LogOptions  map[string]string  `json:"log_options"`
}

type result struct {
	File     string             `json:"file"`
	Error    string             `json:"error,omitempty"`
	Services map[string]service `json:"services,omitempty"`
	// The variables read from the project's .env (absent without one).
	Env map[string]string `json:"env,omitempty"`
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func environment(dir string) (map[string]string, error) {
	env := map[string]string{}
	p := filepath.Join(dir, ".env")
	if st, err := os.Stat(p); err == nil && !st.IsDir() {
		read, err := dotenv.GetEnvFromFile(map[string]string{}, []string{p})
		if err != nil {
			return nil, err
		}
		for k, v := range read {
			env[k] = v
		}
	}
	return env, nil
}

// load loads one file; a panic inside compose-go (it has some, e.g. `pid: ~` in Normalize's
// string assertion) is that file's refusal, as `docker compose` stops there too, and the batch
// goes on with the next file.
func load(file string) (r result) {
	defer func() {
		if p := recover(); p != nil {
			r = result{File: file, Error: fmt.Sprintf("panic: %v", p)}
		}
	}()
	abs, err := filepath.Abs(file)
	if err != nil {
		return result{File: file, Error: err.Error()}
	}
	dir := filepath.Dir(abs)
	env, err := environment(dir)
	if err != nil {
		return result{File: file, Error: err.Error()}
	}
	var envOut map[string]string
	if len(env) > 0 {
		// a copy: the loader adds COMPOSE_PROJECT_NAME to the map it is given
		envOut = map[string]string{}
		for k, v := range env {
			envOut[k] = v
		}
	}
	content, err := os.ReadFile(abs)
	if err != nil {
		return result{File: file, Error: err.Error()}
	}
	details := types.ConfigDetails{
		WorkingDir:  dir,
		ConfigFiles: []types.ConfigFile{{Filename: abs, Content: content}},
		Environment: env,
	}
	project, err := loader.LoadWithContext(context.Background(), details, func(o *loader.Options) {
		o.SetProjectName("oracle", true)
		o.SkipConsistencyCheck = true
		o.SkipInclude = true
		o.SkipExtends = true
		o.SkipResolveEnvironment = true
		o.ResolvePaths = false
	})
	if err != nil {
		return result{File: file, Error: err.Error(), Env: envOut}
	}
	out := map[string]service{}
	for name, s := range project.Services {
		out[name] = summarize(s)
	}
	for name, s := range project.DisabledServices {
		out[name] = summarize(s)
	}
	return result{File: file, Services: out, Env: envOut}
}

func summarize(s types.ServiceConfig) service {
	v := service{
		Image: s.Image, User: s.User, Privileged: s.Privileged, ReadOnly: s.ReadOnly,
		CapAdd: orEmpty(s.CapAdd), CapDrop: orEmpty(s.CapDrop), SecurityOpt: orEmpty(s.SecurityOpt),
		NetworkMode: s.NetworkMode, Pid: s.Pid, Ipc: s.Ipc, MemLimit: int64(s.MemLimit),
		UsernsMode: s.UserNSMode, GroupAdd: orEmpty(s.GroupAdd), Cpus: float64(s.CPUS), Devices: []device{},
		Volumes: []volume{}, Ports: []port{}, Environment: map[string]*string{},
	}
	for _, d := range s.Devices {
		v.Devices = append(v.Devices, device{Source: d.Source, Target: d.Target, Permissions: d.Permissions})
	}
	sort.Strings(v.CapAdd)
	sort.Strings(v.CapDrop)
	for _, vol := range s.Volumes {
		v.Volumes = append(v.Volumes, volume{Type: vol.Type, Source: vol.Source, Target: vol.Target, ReadOnly: vol.ReadOnly})
	}
	for _, p := range s.Ports {
		v.Ports = append(v.Ports, port{HostIP: p.HostIP, Published: p.Published, Target: p.Target, Protocol: p.Protocol})
	}
	for k, val := range s.Environment {
		v.Environment[k] = val
	}
	if s.Deploy != nil && s.Deploy.Resources.Limits != nil {
		v.DeployMem = int64(s.Deploy.Resources.Limits.MemoryBytes)
		v.DeployCpus = float64(s.Deploy.Resources.Limits.NanoCPUs)
	}
	if s.Logging != nil {
		v.LogDriver = s.Logging.Driver
		v.LogOptions = s.Logging.Options
	}
	return v
}

func main() {
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	emit := func(f string) {
		r := load(f)
		if err := enc.Encode(r); err != nil {
			// a value JSON cannot carry (NaN, ±Inf): reported as this file's result, not the batch's end
			if err := enc.Encode(result{File: f, Error: "oracle: cannot encode the result: " + err.Error()}); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
		}
	}
	if len(os.Args) > 1 {
		for _, f := range os.Args[1:] {
			emit(f)
		}
		return
	}
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if sc.Text() != "" {
			emit(sc.Text())
		}
	}
}
