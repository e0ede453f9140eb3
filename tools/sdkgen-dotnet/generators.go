package main

import (
	"io"
	"net/http"
	"strings"

	"github.com/pulumi/pulumi/pkg/v3/codegen/dotnet"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// .NET's generator left pkg/v3 after v3.225 (for pulumi-dotnet, whose module the Go proxy does
// not serve); v3.225.1 is the last release that has it, frozen since.
var generators = map[string]func(*schema.Package) (map[string][]byte, error){
	"dotnet": func(pkg *schema.Package) (map[string][]byte, error) {
		// It downloads the package's logo (Pulumi's, without a logoUrl) for logo.png; generation
		// must not depend on a network, and the package has no logo, so logo.png is left empty.
		http.DefaultTransport = noNetwork{}
		return dotnet.GeneratePackage(tool, pkg, nil, nil)
	},
}

type noNetwork struct{}

func (noNetwork) RoundTrip(req *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: http.StatusOK, Status: "200 OK", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{}, Body: io.NopCloser(strings.NewReader("")), Request: req,
	}, nil
}
