package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// ErrNotWorkbook is wrapped by the error for data that is not an .xlsx
// workbook.
var ErrNotWorkbook = errors.New("not an .xlsx workbook")

// pkg is a workbook's zip package: its parts by name.
type pkg struct {
	parts map[string]*zip.File // by name, lower case, without a leading /
	b     *budget
	lim   Limits
}

func openPackage(data []byte, lim Limits) (*pkg, error) {
	if bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0")) {
		return nil, fmt.Errorf("%w: an Excel 97-2003 (.xls) or password-protected workbook; save it as .xlsx (without a password) or CSV", ErrNotWorkbook)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotWorkbook, err)
	}
	p := &pkg{parts: make(map[string]*zip.File, len(zr.File)), b: &budget{left: lim.unpackable(len(data))}, lim: lim}
	for _, f := range zr.File {
		p.parts[partKey(f.Name)] = f
	}
	return p, nil
}

// partKey is the key of a part's name: OPC names are case-insensitive.
func partKey(name string) string {
	return strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(name, `\`, "/"), "/"))
}

// has reports whether the package holds the part.
func (p *pkg) has(name string) bool {
	_, ok := p.parts[partKey(name)]
	return ok
}

// decode streams the part through an XML decoder given to read, within the
// budget. A part that is absent is ErrNotWorkbook.
func (p *pkg) decode(name string, read func(d *xml.Decoder) error) error {
	f, ok := p.parts[partKey(name)]
	if !ok {
		return fmt.Errorf("%w: no part %s", ErrNotWorkbook, name)
	}
	if f.UncompressedSize64 > uint64(max(p.b.left, 0)) {
		return fmt.Errorf("%w: %s unpacks to %d bytes, more than the limit (a zip bomb?); save the sheet as CSV", ErrTooLarge, name, f.UncompressedSize64)
	}
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrNotWorkbook, name, err)
	}
	defer rc.Close()
	d := xml.NewDecoder(p.b.limited(rc, name))
	if err := read(d); err != nil {
		if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrNotWorkbook) {
			return err
		}
		var ce *CellError
		if errors.As(err, &ce) {
			return err
		}
		return fmt.Errorf("%w: %s: %v", ErrNotWorkbook, name, err)
	}
	return nil
}

// relationship is one entry of a part's relationships.
type relationship struct {
	id, typ, target string
}

// relationships reads the relationships of the part named owner ("" for
// the package's own), with targets resolved to part names. A package
// without them has none.
func (p *pkg) relationships(owner string) ([]relationship, error) {
	dir, base := path.Split(owner)
	relsName := dir + "_rels/" + base + ".rels"
	if !p.has(relsName) {
		return nil, nil
	}
	var rels []relationship
	err := p.decode(relsName, func(d *xml.Decoder) error {
		return eachStart(d, func(se xml.StartElement) error {
			if se.Name.Local != "Relationship" || attr(se, "TargetMode") == "External" {
				return nil
			}
			target := attr(se, "Target")
			if strings.HasPrefix(target, "/") {
				target = path.Clean(target[1:])
			} else {
				target = path.Join(dir, target)
			}
			rels = append(rels, relationship{id: attr(se, "Id"), typ: attr(se, "Type"), target: target})
			return nil
		})
	})
	return rels, err
}

// eachStart calls f with every start element of the document.
func eachStart(d *xml.Decoder, f func(xml.StartElement) error) error {
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok {
			if err := f(se); err != nil {
				return err
			}
		}
	}
}

// attr returns the value of an element's attribute by its local name,
// whatever its namespace prefix.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// typeIs reports whether a relationship's type is the named one, in the
// transitional or the strict namespace.
func typeIs(typ, name string) bool { return strings.HasSuffix(typ, "/"+name) }
