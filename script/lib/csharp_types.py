"""Finds the top-level type declarations of a C# file, without a compiler.

Good enough for this repository's style (file-scoped `namespace FactCheck;`, no preprocessor tricks):
comments, strings (regular, verbatim, interpolated, raw), chars and braces are understood, so a `{`
inside a string or a `class` inside a comment is not mistaken for code. Used by house-counts.py
(how many types live in a file named after another type) and split-types.py (one type per file).
"""
import re

KINDS = ("class", "struct", "interface", "enum", "record", "delegate")
MODIFIERS = {"public", "internal", "private", "protected", "file", "static", "sealed", "abstract",
             "partial", "readonly", "ref", "unsafe", "new"}


def mask(text):
    """The text with comments, strings and chars replaced by spaces (newlines kept), same length."""
    out = list(text)
    i, n = 0, len(text)

    def blank(a, b):
        for k in range(a, b):
            if out[k] != "\n":
                out[k] = " "

    def skip_string(i):
        # i at the opening quote run (possibly after $/@ prefixes); returns index after the literal.
        j = i
        prefix_dollars = 0
        verbatim = False
        while j < n and text[j] in "$@":
            if text[j] == "$":
                prefix_dollars += 1
            else:
                verbatim = True
            j += 1
        q = j
        while q < n and text[q] == '"':
            q += 1
        quotes = q - j
        if quotes >= 3:  # raw string literal
            end = text.find('"' * quotes, q)
            return n if end < 0 else end + quotes
        if quotes == 2:  # empty string ""
            return j + 2
        k = j + 1
        depth = 0
        while k < n:
            c = text[k]
            if prefix_dollars and c == "{":
                if k + 1 < n and text[k + 1] == "{" and depth == 0:
                    k += 2
                    continue
                depth += 1
            elif prefix_dollars and c == "}" and depth > 0:
                depth -= 1
            elif depth > 0 and c == '"':
                k = skip_string(k) if True else k
                continue
            elif depth > 0 and c in "$@" and k + 1 < n and text[k + 1] in '"$@':
                k = skip_string(k)
                continue
            elif depth == 0:
                if verbatim:
                    if c == '"':
                        if k + 1 < n and text[k + 1] == '"':
                            k += 2
                            continue
                        return k + 1
                else:
                    if c == "\\":
                        k += 2
                        continue
                    if c == '"':
                        return k + 1
                    if c == "\n":
                        return k
            k += 1
        return n

    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            blank(i, j)
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            blank(i, j)
            i = j
        elif c == '"' or (c in "$@" and re.match(r'[$@]+"', text[i:i + 5])):
            j = skip_string(i)
            blank(i, j)
            i = j
        elif c == "'":
            m = re.match(r"'(\\.[^']*|[^'\\])'", text[i:i + 12])
            j = i + (len(m.group(0)) if m else 1)
            blank(i, j)
            i = j
        else:
            i += 1
    return "".join(out)


DECL = re.compile(r"\b(?:record\s+(?:struct|class)|class|struct|interface|enum|record|delegate)\b")


class TypeDecl:
    def __init__(self, name, kind, modifiers, start, decl_start, end):
        self.name, self.kind, self.modifiers = name, kind, modifiers
        self.start = start            # start of leading trivia (doc comments, attributes)
        self.decl_start = decl_start  # start of the modifiers
        self.end = end                # index after the closing } or ;

    @property
    def public(self):
        return "public" in self.modifiers

    @property
    def file_local(self):
        return "file" in self.modifiers

    def __repr__(self):
        return f"{self.kind} {self.name}"


def top_level_types(text):
    """Top-level (namespace-level) type declarations, in file order."""
    m = mask(text)
    # Block-scoped namespaces count their body as top level.
    base_depths = {0}
    types = []
    depth = 0
    i, n = 0, len(m)
    ns_block = re.compile(r"\bnamespace\s+[\w.]+\s*\{")
    while i < n:
        c = m[i]
        if c == "{":
            depth += 1
            i += 1
            continue
        if c == "}":
            depth -= 1
            i += 1
            continue
        if depth in base_depths and (c.isalpha() or c == "_") and (i == 0 or not (m[i - 1].isalnum() or m[i - 1] == "_")):
            nb = ns_block.match(m, i)
            if nb:
                depth += 1
                base_depths.add(depth)
                i = nb.end()
                continue
            d = DECL.match(m, i)
            if d:
                kind = re.sub(r"\s+", " ", d.group(0))
                after = m[d.end():]
                if kind == "delegate":
                    nm = re.match(r"\s*[\w<>\[\]?.,\s]+?\s(\w+)\s*[<(]", after)
                else:
                    nm = re.match(r"\s*(\w+)", after)
                name = nm.group(1)
                # modifiers and attributes before the keyword, on the same statement
                line_start = m.rfind("\n", 0, i) + 1
                mods_text = m[line_start:i]
                modifiers = set(w for w in re.findall(r"\w+", mods_text) if w in MODIFIERS)
                decl_start = line_start
                # find the end: the matching } of the body, or ; for body-less declarations
                j = d.end()
                paren = 0
                while j < n:
                    ch = m[j]
                    if ch in "([":
                        paren += 1
                    elif ch in ")]":
                        paren -= 1
                    elif ch == ";" and paren == 0:
                        end = j + 1
                        break
                    elif ch == "{" and paren == 0:
                        k, dd = j, 0
                        while k < n:
                            if m[k] == "{":
                                dd += 1
                            elif m[k] == "}":
                                dd -= 1
                                if dd == 0:
                                    break
                            k += 1
                        end = k + 1
                        break
                    j += 1
                else:
                    end = n
                # leading trivia: preceding lines that are doc comments, comments or attributes
                start = decl_start
                while start > 0:
                    prev_end = start - 1
                    prev_start = text.rfind("\n", 0, prev_end) + 1
                    line = text[prev_start:prev_end].strip()
                    if line.startswith("///") or line.startswith("//") or line.startswith("[") or \
                            (line.startswith("*") or line.startswith("/*")) or \
                            (line.endswith("]") and not line.startswith("}")):
                        start = prev_start
                    else:
                        break
                types.append(TypeDecl(name, kind, modifiers, start, decl_start, end))
                i = end
                continue
            # skip the identifier
            j = i
            while j < n and (m[j].isalnum() or m[j] == "_"):
                j += 1
            i = j
            continue
        i += 1
    return types


def file_stem(path):
    """The type name a file is named after: `IndicatorNormalizer.Phone.cs` -> `IndicatorNormalizer`."""
    import os
    return os.path.basename(path).split(".")[0]
