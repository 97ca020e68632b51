package pool

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/evalkit/evalkit/stats"
)

// PoolFiles pools the sites of the CSV file at sitesPath (ReadSites) or,
// when sitesPath is "", of the analyses' JSON files at analysisPaths
// (ReadAnalyses, with comparison; spaces around a path are ignored), as
// Pool does. Each file is named in errors, and each analysis's site, by its
// base name. It is what evalkit pool runs.
func PoolFiles(sitesPath string, analysisPaths []string, comparison string, opt stats.PoolOptions) (*Result, error) {
	var s *Sites
	var err error
	if sitesPath != "" {
		s, err = readSitesFile(sitesPath)
	} else {
		s, err = readAnalysisFiles(analysisPaths, comparison)
	}
	if err != nil {
		return nil, err
	}
	return Pool(s, opt)
}

// readSitesFile reads the CSV file at path with ReadSites.
func readSitesFile(path string) (*Sites, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadSites(f, filepath.Base(path))
}

// readAnalysisFiles reads the JSON files at paths with ReadAnalyses; the
// paths' surrounding spaces are ignored, and an empty path is an error.
func readAnalysisFiles(paths []string, comparison string) (*Sites, error) {
	files := make([]File, len(paths))
	for i, p := range paths {
		if p = strings.TrimSpace(p); p == "" {
			return nil, fmt.Errorf("analysis file %d of %d: no file name", i+1, len(paths))
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		files[i] = File{Name: filepath.Base(p), R: f}
	}
	return ReadAnalyses(files, comparison)
}
