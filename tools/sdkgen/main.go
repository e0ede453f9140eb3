// Command pulumi-sdkgen writes a Pulumi package's SDK for one language from its schema, with the
// code generators of github.com/pulumi/pulumi/pkg/v3 at the engine's version. `pulumi package
// gen-sdk` would do the same through each language's host, and most of those hosts cannot be
// built here, so the generators are called directly.
//
//	pulumi-sdkgen -schema schema.json -language LANGUAGE -out DIR
//
// DIR is created if needed and must be empty; every file the generator returns is written into
// it, and the files' paths are printed, one per line. The languages are those of generators.go:
// nodejs, python and go here; tools/sdkgen-dotnet builds this same file (a link) with .NET's.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

const tool = "pulumi-sdkgen"

func main() {
	schemaPath := flag.String("schema", "", "the package schema (JSON)")
	language := flag.String("language", "", "the SDK's language (see generators.go)")
	out := flag.String("out", "", "an empty directory to write the SDK into")
	flag.Parse()
	if *schemaPath == "" || *language == "" || *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*schemaPath, *language, *out); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", tool, err)
		os.Exit(1)
	}
}

func run(schemaPath, language, out string) error {
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	pkg, diags, err := schema.BindSpec(spec, selfContained{}, schema.ValidationOptions{})
	if err != nil {
		return err
	}
	if diags.HasErrors() {
		return fmt.Errorf("%s is not a valid schema: %s", schemaPath, diags.Error())
	}

	generate, ok := generators[language]
	if !ok {
		return fmt.Errorf("unknown language %q", language)
	}
	files, err := generate(pkg)
	if err != nil {
		return err
	}
	return write(out, files)
}

func write(out string, files map[string][]byte) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if entries, err := os.ReadDir(out); err != nil {
		return err
	} else if len(entries) > 0 {
		return errors.New(out + " is not empty")
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		target := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, files[name], 0o644); err != nil {
			return err
		}
		fmt.Println(name)
	}
	return nil
}

// selfContained is the loader for a schema that refers to no other package: without plugins or
// a network to load one from, a reference to another package is an error.
type selfContained struct{}

func (selfContained) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("the schema refers to package %q; only self-contained schemas are supported", name)
}

func (l selfContained) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return l.LoadPackage(d.Name, d.Version)
}

func (l selfContained) LoadPackageReference(name string, v *semver.Version) (schema.PackageReference, error) {
	_, err := l.LoadPackage(name, v)
	return nil, err
}

func (l selfContained) LoadPackageReferenceV2(
	_ context.Context, d *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	return l.LoadPackageReference(d.Name, d.Version)
}
