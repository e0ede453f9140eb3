// Command pulumi-language-nodejs is a minimal Node.js language host for the
// Pulumi engine pinned in ../../go.mod.
//
// Why this exists: the upstream language host lives in its own Go module
// (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3), which
// the Go module proxy reachable from this project's machines does not serve,
// and Pulumi's release binaries cannot be downloaded here either. The engine
// talks to a language host only over the LanguageRuntime gRPC service, so this
// small host implements the parts the CLI needs to run a Node.js/TypeScript
// program (Run, GetRequiredPackages/Plugins, GetPluginInfo, About,
// GetProgramDependencies, InstallDependencies). It launches the program the
// same way the upstream host does: `node <@pulumi/pulumi>/cmd/run ...` with
// the config passed via PULUMI_CONFIG / PULUMI_CONFIG_SECRET_KEYS, and talks
// to the engine's resource monitor directly (no legacy sync-invoke proxy).
//
// GenerateProgram (generate.go: the TypeScript `pulumi import` prints) is
// supported; the rest of code generation (`pulumi convert`, `pulumi package
// gen-sdk`), `RunPlugin` (plugins written in TypeScript) and policy packs are not.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/google/shlex"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	"github.com/pulumi/pulumi/sdk/v3/nodejs/npm"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

const (
	// Module path of the SDK's program launcher, resolved from the program directory.
	// Overridable with PULUMI_LANGUAGE_NODEJS_RUN_PATH (same as upstream).
	defaultRunPath = "@pulumi/pulumi/cmd/run"

	// Exit code @pulumi/pulumi's cmd/run uses after it already reported a
	// user-actionable error; the engine should then bail without more output.
	exitedAfterLoggingUserActionableMessage = 32

	// Used when the binary was built without -ldflags "-X .../version.Version=...".
	fallbackVersion = "3.276.0"
)

func main() {
	// The engine passes only the engine address as a positional argument;
	// these flags mirror upstream's so hand-run invocations keep working.
	var (
		tracing      string
		typescript   bool
		root         string
		tsconfigPath string
		nodeArgs     string
	)
	flag.StringVar(&tracing, "tracing", "", "Emit tracing to a Zipkin-compatible tracing endpoint")
	flag.BoolVar(&typescript, "typescript", true, "Use ts-node at runtime to support typescript source natively")
	flag.StringVar(&root, "root", "", "Project root path to use (unused)")
	flag.StringVar(&tsconfigPath, "tsconfig", "", "Path to tsconfig.json to use")
	flag.StringVar(&nodeArgs, "nodeargs", "", "Arguments for the Node process")
	flag.Parse()

	var engineAddress string
	if args := flag.Args(); len(args) > 0 {
		engineAddress = args[0]
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cancelChannel := make(chan bool)
	go func() {
		<-ctx.Done()
		close(cancelChannel)
	}()
	if engineAddress != "" {
		// Exit when the engine goes away.
		if err := rpcutil.Healthcheck(ctx, engineAddress, 5*time.Minute, cancel); err != nil {
			fatalf("could not start health check host RPC server: %v", err)
		}
	}

	host := &nodeLanguageHost{
		engineAddress: engineAddress,
		tracing:       tracing,
		typescript:    typescript,
		tsconfigPath:  tsconfigPath,
		nodeArgs:      nodeArgs,
	}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: cancelChannel,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		fatalf("could not start language host RPC server: %v", err)
	}

	// Tell the spawner (the engine) which port to dial.
	fmt.Printf("%d\n", handle.Port)

	if err := <-handle.Done; err != nil {
		fatalf("language host RPC stopped serving: %v", err)
	}
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: "+format+"\n", args...)
	os.Exit(1)
}

func pluginVersion() string {
	v := strings.TrimPrefix(version.Version, "v")
	if v == "" {
		return fallbackVersion
	}
	return v
}

type nodeLanguageHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	mu            sync.Mutex
	engineAddress string
	tracing       string
	typescript    bool
	tsconfigPath  string
	nodeArgs      string
}

func (host *nodeLanguageHost) getEngineAddress() string {
	host.mu.Lock()
	defer host.mu.Unlock()
	return host.engineAddress
}

func (host *nodeLanguageHost) Handshake(
	ctx context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	host.mu.Lock()
	defer host.mu.Unlock()
	if req.GetEngineAddress() != "" {
		host.engineAddress = req.GetEngineAddress()
	}
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

// runtimeOptions are the `runtime.options` of Pulumi.yaml, falling back to the command-line flags.
type runtimeOptions struct {
	typescript     bool
	tsconfigPath   string
	nodeArgs       string
	packageManager npm.PackageManagerType
}

func (host *nodeLanguageHost) options(info *pulumirpc.ProgramInfo) (runtimeOptions, error) {
	opts := runtimeOptions{
		typescript:     host.typescript,
		tsconfigPath:   host.tsconfigPath,
		nodeArgs:       host.nodeArgs,
		packageManager: npm.AutoPackageManager,
	}
	var fields map[string]*structpb.Value
	if info != nil && info.GetOptions() != nil {
		fields = info.GetOptions().GetFields()
	}
	for key, value := range fields {
		switch key {
		case "typescript":
			b, ok := value.GetKind().(*structpb.Value_BoolValue)
			if !ok {
				return opts, errors.New("typescript option must be a boolean")
			}
			opts.typescript = b.BoolValue
		case "tsconfig":
			opts.tsconfigPath = value.GetStringValue()
		case "nodeargs":
			opts.nodeArgs = value.GetStringValue()
		case "packagemanager":
			opts.packageManager = npm.PackageManagerType(value.GetStringValue())
		}
	}
	return opts, nil
}

// programDirectory returns the directory the program lives in.
func programDirectory(info *pulumirpc.ProgramInfo, fallback string) string {
	if info != nil && info.GetProgramDirectory() != "" {
		return info.GetProgramDirectory()
	}
	if fallback != "" {
		return fallback
	}
	wd, _ := os.Getwd()
	return wd
}

// Run is the RPC endpoint for LanguageRuntimeServer::Run: it runs the program
// to completion in a child Node.js process.
func (host *nodeLanguageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	opts, err := host.options(req.GetInfo())
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	pwd := req.GetPwd()
	if pwd == "" {
		pwd = programDirectory(req.GetInfo(), "")
	}

	nodeBin, err := exec.LookPath("node")
	if err != nil {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not find node on the $PATH: %v", err)}, nil
	}
	runModule := os.Getenv("PULUMI_LANGUAGE_NODEJS_RUN_PATH")
	if runModule == "" {
		runModule = defaultRunPath
	}
	runPath, err := resolveModule(ctx, nodeBin, pwd, runModule)
	if err != nil {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf(
			"It looks like the Pulumi SDK has not been installed (could not resolve %s from %s: %v). "+
				"Have you run npm install?", runModule, pwd, err)}, nil
	}

	configJSON, err := json.Marshal(nonNilMap(req.GetConfig()))
	if err != nil {
		return nil, fmt.Errorf("failed to serialize configuration: %w", err)
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secretKeysJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, fmt.Errorf("failed to serialize configuration secret keys: %w", err)
	}

	args, err := shlex.Split(opts.nodeArgs)
	if err != nil {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("invalid nodeargs: %v", err)}, nil
	}
	args = append(args, runPath)
	appendArg := func(k, v string) {
		if v != "" {
			args = append(args, "--"+k, v)
		}
	}
	appendArg("monitor", req.GetMonitorAddress())
	appendArg("engine", host.getEngineAddress())
	appendArg("organization", req.GetOrganization())
	appendArg("project", req.GetProject())
	if req.GetInfo() != nil {
		appendArg("root-directory", req.GetInfo().GetRootDirectory())
	}
	appendArg("stack", req.GetStack())
	appendArg("pwd", pwd)
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	appendArg("parallel", fmt.Sprint(req.GetParallel()))
	appendArg("tracing", host.tracing)
	program := req.GetProgram() //nolint:staticcheck // still the entry point the engine sends
	if req.GetInfo() != nil && req.GetInfo().GetEntryPoint() != "" {
		program = req.GetInfo().GetEntryPoint()
	}
	if program == "" {
		// "." makes node load package.json's "main" (or index.js).
		program = "."
	}
	args = append(args, program)
	args = append(args, req.GetArgs()...)

	env := append(os.Environ(),
		"PULUMI_CONFIG="+string(configJSON),
		"PULUMI_CONFIG_SECRET_KEYS="+string(secretKeysJSON),
	)
	if opts.typescript {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}
	if opts.tsconfigPath != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+opts.tsconfigPath)
	}

	// #nosec G204 -- running node is the whole point.
	cmd := exec.CommandContext(ctx, nodeBin, args...)
	cmd.Dir = pwd
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	cmd.Env = env
	runErr := cmd.Run()
	// Node may leave unflushed process.stdout/stderr writes; make sure the engine sees them.
	_ = os.Stdout.Sync()
	_ = os.Stderr.Sync()
	if runErr == nil {
		return &pulumirpc.RunResponse{}, nil
	}
	var exitErr *exec.ExitError
	if errors.As(runErr, &exitErr) {
		switch code := exitErr.ExitCode(); code {
		case exitedAfterLoggingUserActionableMessage:
			return &pulumirpc.RunResponse{Bail: true}, nil
		case 0:
			return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program exited unexpectedly: %v", exitErr)}, nil
		default:
			return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program exited with non-zero exit code: %d", code)}, nil
		}
	}
	return &pulumirpc.RunResponse{Error: fmt.Sprintf(
		"Problem executing program (could not run language executor): %v", runErr)}, nil
}

func nonNilMap(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

// resolveModule resolves a module specifier the way the program will, from dir.
func resolveModule(ctx context.Context, nodeBin, dir, module string) (string, error) {
	script := fmt.Sprintf("console.log(require.resolve(%q, {paths: [process.cwd()]}))", module)
	// #nosec G204
	cmd := exec.CommandContext(ctx, nodeBin, "-e", script)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

func (host *nodeLanguageHost) GetPluginInfo(ctx context.Context, _ *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: pluginVersion()}, nil
}

// --- required plugins -------------------------------------------------------

// packageJSON is the subset of package.json this host reads.
type packageJSON struct {
	Name            string            `json:"name"`
	Version         string            `json:"version"`
	Dependencies    map[string]string `json:"dependencies"`
	DevDependencies map[string]string `json:"devDependencies"`
	Pulumi          *struct {
		Resource bool   `json:"resource"`
		Name     string `json:"name"`
		Version  string `json:"version"`
		Server   string `json:"server"`
	} `json:"pulumi"`
}

func readPackageJSON(path string) (*packageJSON, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var pkg packageJSON
	if err := json.Unmarshal(b, &pkg); err != nil {
		return nil, fmt.Errorf("parsing %s: %w", path, err)
	}
	return &pkg, nil
}

// findNodeModules searches dir and its parents for a node_modules directory.
func findNodeModules(dir string) string {
	for {
		candidate := filepath.Join(dir, "node_modules")
		if st, err := os.Stat(candidate); err == nil && st.IsDir() {
			return candidate
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// resourcePlugins lists the resource plugins declared by installed packages
// (package.json `"pulumi": {"resource": true, ...}`), like upstream does.
func resourcePlugins(programDir string) ([]*pulumirpc.PluginDependency, error) {
	nodeModules := findNodeModules(programDir)
	if nodeModules == "" {
		return nil, nil
	}
	found := map[string]*pulumirpc.PluginDependency{}
	visited := map[string]bool{}
	var walk func(dir string) error
	walk = func(dir string) error {
		real, err := filepath.EvalSymlinks(dir)
		if err != nil || visited[real] {
			return nil //nolint:nilerr // dangling links are not our problem
		}
		visited[real] = true
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil //nolint:nilerr
		}
		for _, e := range entries {
			name := e.Name()
			if strings.HasPrefix(name, ".") {
				continue
			}
			if strings.HasPrefix(name, "@") {
				if err := walk(filepath.Join(dir, name)); err != nil {
					return err
				}
				continue
			}
			pkgDir := filepath.Join(dir, name)
			pkg, err := readPackageJSON(filepath.Join(pkgDir, "package.json"))
			if err == nil && pkg.Pulumi != nil && pkg.Pulumi.Resource {
				dep := pluginFromPackage(pkg)
				found[dep.Name+"@"+dep.Version] = dep
			}
			if nested := filepath.Join(pkgDir, "node_modules"); isDir(nested) {
				if err := walk(nested); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(nodeModules); err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(found))
	for k := range found {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]*pulumirpc.PluginDependency, 0, len(keys))
	for _, k := range keys {
		out = append(out, found[k])
	}
	return out, nil
}

func pluginFromPackage(pkg *packageJSON) *pulumirpc.PluginDependency {
	name := pkg.Pulumi.Name
	if name == "" {
		// "@pulumi/aws" -> "aws", "pulumi-foo" -> "foo".
		name = pkg.Name
		if i := strings.LastIndex(name, "/"); i >= 0 {
			name = name[i+1:]
		}
		name = strings.TrimPrefix(name, "pulumi-")
	}
	v := pkg.Pulumi.Version
	if v == "" {
		v = pkg.Version
	}
	if v != "" && !strings.HasPrefix(v, "v") {
		v = "v" + v
	}
	return &pulumirpc.PluginDependency{Name: name, Kind: "resource", Version: v, Server: pkg.Pulumi.Server}
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func (host *nodeLanguageHost) GetRequiredPlugins(
	ctx context.Context, req *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	plugins, err := resourcePlugins(programDirectory(req.GetInfo(), req.GetPwd())) //nolint:staticcheck
	if err != nil {
		return nil, err
	}
	return &pulumirpc.GetRequiredPluginsResponse{Plugins: plugins}, nil
}

func (host *nodeLanguageHost) GetRequiredPackages(
	ctx context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	plugins, err := resourcePlugins(programDirectory(req.GetInfo(), ""))
	if err != nil {
		return nil, err
	}
	pkgs := make([]*pulumirpc.PackageDependency, 0, len(plugins))
	for _, p := range plugins {
		pkgs = append(pkgs, &pulumirpc.PackageDependency{
			Name: p.Name, Kind: p.Kind, Version: p.Version, Server: p.Server,
		})
	}
	return &pulumirpc.GetRequiredPackagesResponse{Packages: pkgs}, nil
}

// --- informational / tooling endpoints --------------------------------------

func (host *nodeLanguageHost) About(ctx context.Context, req *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	nodeBin, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("could not find node on the $PATH: %w", err)
	}
	// #nosec G204
	out, err := exec.CommandContext(ctx, nodeBin, "--version").Output()
	if err != nil {
		return nil, fmt.Errorf("failed to get node version: %w", err)
	}
	return &pulumirpc.AboutResponse{
		Executable: nodeBin,
		Version:    strings.TrimPrefix(strings.TrimSpace(string(out)), "v"),
	}, nil
}

// GetProgramDependencies reports the program's direct npm dependencies with
// their installed versions (falling back to the declared range).
func (host *nodeLanguageHost) GetProgramDependencies(
	ctx context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	dir := programDirectory(req.GetInfo(), req.GetPwd()) //nolint:staticcheck
	manifestPath, err := npm.SearchupPackageManifest(dir)
	if err != nil || manifestPath == "" || filepath.Base(manifestPath) != "package.json" {
		return &pulumirpc.GetProgramDependenciesResponse{}, nil //nolint:nilerr
	}
	pkg, err := readPackageJSON(manifestPath)
	if err != nil {
		return nil, err
	}
	all := map[string]string{}
	for k, v := range pkg.DevDependencies {
		all[k] = v
	}
	for k, v := range pkg.Dependencies {
		all[k] = v
	}
	nodeModules := findNodeModules(filepath.Dir(manifestPath))
	names := make([]string, 0, len(all))
	for k := range all {
		names = append(names, k)
	}
	sort.Strings(names)
	deps := make([]*pulumirpc.DependencyInfo, 0, len(names))
	for _, name := range names {
		v := all[name]
		if nodeModules != "" {
			if installed, err := readPackageJSON(filepath.Join(nodeModules, name, "package.json")); err == nil &&
				installed.Version != "" {
				v = installed.Version
			}
		}
		deps = append(deps, &pulumirpc.DependencyInfo{Name: name, Version: v})
	}
	return &pulumirpc.GetProgramDependenciesResponse{Dependencies: deps}, nil
}

// InstallDependencies runs the project's package manager (`npm install` by default).
func (host *nodeLanguageHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, server pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	opts, err := host.options(req.GetInfo())
	if err != nil {
		return err
	}
	closer, stdout, stderr, err := rpcutil.MakeInstallDependenciesStreams(server, req.GetIsTerminal())
	if err != nil {
		return err
	}
	defer closer.Close()

	dir := programDirectory(req.GetInfo(), req.GetDirectory()) //nolint:staticcheck
	if workspaceRoot, err := npm.FindWorkspaceRoot(dir); err == nil && workspaceRoot != "" {
		dir = workspaceRoot
	}
	name, err := npm.Install(server.Context(), opts.packageManager, dir, false /*production*/, stdout, stderr)
	if err != nil {
		return fmt.Errorf("%s install failed: %w", name, err)
	}
	_, _ = io.WriteString(stdout, "Finished installing dependencies\n")
	return nil
}

func (host *nodeLanguageHost) RuntimeOptionsPrompts(
	ctx context.Context, req *pulumirpc.RuntimeOptionsRequest,
) (*pulumirpc.RuntimeOptionsResponse, error) {
	return &pulumirpc.RuntimeOptionsResponse{}, nil
}

func (host *nodeLanguageHost) Template(
	ctx context.Context, req *pulumirpc.TemplateRequest,
) (*pulumirpc.TemplateResponse, error) {
	return &pulumirpc.TemplateResponse{}, nil
}

func (host *nodeLanguageHost) Cancel(ctx context.Context, _ *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}
