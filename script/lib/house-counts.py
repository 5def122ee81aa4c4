#!/usr/bin/python3
"""Counts a newcomer trips over (issue 15): literal internal links and types in files named after
another type. Run from the repository root: /usr/bin/python3 script/lib/house-counts.py [src-folder]

- literal internal links in views: href/action/formaction/src/poster attributes whose value starts with
  "/" (not "//", not "~/"), plus "/admin… string literals inside Razor code;
- literal internal links in C#: string literals that start with /admin or /{lang}-style app paths
  passed to Redirect(...), and every "/admin… literal;
- types: top-level C# types, files whose name differs from their first public type, and types that
  live in a file named after another type (IndicatorNormalizer.Phone.cs counts as IndicatorNormalizer).
"""
import glob
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from csharp_types import file_stem, mask, top_level_types  # noqa: E402

root = sys.argv[1] if len(sys.argv) > 1 else "src/FactCheck.Web"


def files(ext):
    for f in sorted(glob.glob(os.path.join(root, "**", "*." + ext), recursive=True)):
        if "/obj/" not in f and "/bin/" not in f:
            yield f


ATTR_LINK = re.compile(r'\b(?:href|action|formaction|src|poster)\s*=\s*"(/(?!/)[^"]*)"', re.I)
ADMIN_LITERAL = re.compile(r'\$?@?"/admin\b')
view_links = view_admin = 0
for f in files("cshtml"):
    text = open(f, encoding="utf-8").read()
    attrs = ATTR_LINK.findall(text)
    view_links += len(attrs)
    view_admin += sum(1 for a in attrs if a.startswith("/admin"))
    # "/admin… in Razor code blocks (not already counted as an attribute value)
    code = ATTR_LINK.sub("", text)
    n = len(ADMIN_LITERAL.findall(code))
    view_links += n
    view_admin += n

CS_LINK = re.compile(r'\b(?:Redirect|LocalRedirect|RedirectPermanent)\(\s*\$?@?"/')
cs_admin = cs_redirects = 0
types = named_after_other = files_differ = cs_files = 0
for f in files("cs"):
    text = open(f, encoding="utf-8").read()
    cs_admin += len(ADMIN_LITERAL.findall(text))
    cs_redirects += len(CS_LINK.findall(text))
    found = top_level_types(text)
    if not found:
        continue
    cs_files += 1
    types += len(found)
    stem = file_stem(f)
    named_after_other += sum(1 for t in found if t.name != stem)
    first_public = next((t for t in found if t.public), found[0])
    files_differ += first_public.name != stem

print(f"literal internal links in views:            {view_links} ({view_admin} to /admin)")
print(f'"/admin… literals in C#:                    {cs_admin}')
print(f'Redirect("/…") literals in C#:              {cs_redirects}')
print(f"files whose name differs from first public type: {files_differ} of {cs_files}")
print(f"types in a file named after another type:   {named_after_other} of {types}")
