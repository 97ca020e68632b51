package yamlbound

import (
	"fmt"
	"io"
	"os"
)

// ReadFile reads the file at path as os.ReadFile does, but refuses one of
// more than MaxBytes before reading it (or, when its size is not known, as
// soon as MaxBytes have been read), so that a huge file is never held in
// memory. The error names the path and wraps ErrTooLarge.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > MaxBytes {
		return nil, fmt.Errorf("%s: %w", path, tooLarge(fmt.Sprintf("%d bytes, more", fi.Size())))
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("%s: %w", path, tooLarge("more bytes"))
	}
	return data, nil
}

// tooLarge is the error for a file of size (in words) over MaxBytes.
func tooLarge(size string) error {
	return &Error{Err: fmt.Errorf("%w: %s than the %d (16 MiB) a YAML file may hold", ErrTooLarge, size, MaxBytes)}
}
