#!/usr/bin/python3
"""Files the web project by purpose, one type per file (issue 15). Re-runnable: run it again after a
merge brings new files into an old folder or new types into a shared file, then build.

    /usr/bin/python3 script/lib/refile.py [--dry-run]

1. Moves: every file still in a folder that no longer exists (Admin/, Publishing/) or listed in MOVES
   is moved with `git mv` to the folder of its purpose.
2. Split: every top-level type of a .cs file that is not named after the file goes to its own file,
   `<folder>/<Type>.cs`, with the original file's usings. The folder is PLACE[type] when the type
   belongs elsewhere (an entity defined beside a controller), otherwise the original file's folder.
   `file`-scoped types and nested types stay with their owner. A file left with no type is removed.
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from csharp_types import file_stem, top_level_types  # noqa: E402

WEB = "src/FactCheck.Web"
DRY = "--dry-run" in sys.argv

# Folder of each file of the old Admin/ folder that is not editorial work.
ACCOUNTS = ["SignInController", "SetupController", "UsersController", "MyAccountController", "EditorUser",
            "EditorClaims", "FirstAdminSetup", "Totp", "TwoFactor", "CommonPasswordValidator",
            "common-passwords.txt", "BackOfficeCommands"]
BACK_OFFICE = ["BackOfficeController", "BackOfficeSetup", "BackOfficeOptions", "BackOfficeLanguage",
               "BackOfficeSettings", "BackOfficeHttps", "DashboardController"]
# Whole folders whose name misled: everything in them moves unless listed above.
FOLDERS = {"Admin": "Editorial", "Publishing": "Rendering"}
# Single files filed in the wrong folder.
MOVES = {"StructuredData/MethodologyController.cs": "Advisories"}

# Types defined beside something else that belong to another folder once they have a file of their own.
PLACE = {
    # Site-wide settings page (UsersController.cs) and the settings entity (BackOfficeRecords.cs).
    "SettingsController": "BackOffice", "SettingsPage": "BackOffice", "BackOfficeSetting": "BackOffice",
    "AdminPage": "BackOffice", "AdminMessagePage": "BackOffice",
    # Corrections are editorial records (the public list is Advisories/CorrectionsController).
    "Correction": "Editorial", "CorrectionKind": "Editorial",
    # Form types shared by the account pages.
    "AccountForm": "Accounts", "AccountErrors": "Accounts",
}


def git(*args):
    if DRY:
        print("git", *args)
        return
    subprocess.run(["git", *args], check=True)


def tracked_files():
    out = subprocess.run(["git", "ls-files", WEB], check=True, capture_output=True, text=True).stdout
    return [f for f in out.splitlines() if os.path.exists(f)]


def move():
    moved = 0
    for path in tracked_files():
        rel = os.path.relpath(path, WEB)
        folder, name = os.path.split(rel)
        stem = name.split(".")[0] if not name.startswith("common-passwords") else "common-passwords.txt"
        target = None
        if rel in MOVES:
            target = MOVES[rel]
        elif folder in FOLDERS:
            target = "Accounts" if stem in ACCOUNTS else "BackOffice" if stem in BACK_OFFICE else FOLDERS[folder]
        if target and target != folder:
            os.makedirs(os.path.join(WEB, target), exist_ok=True)
            git("mv", path, os.path.join(WEB, target, name))
            moved += 1
    return moved


HEADER_LINE = re.compile(r"^\s*(using\s+[^;]+;|global\s+using\s+[^;]+;|namespace\s+[\w.]+\s*;)\s*$")


def split():
    created = removed = 0
    touched = []
    for path in tracked_files():
        if not path.endswith(".cs") or path.endswith("Program.cs") or "/Migrations/" in path:
            continue
        text = open(path, encoding="utf-8").read()
        types = top_level_types(text)
        stem = file_stem(path)
        leaving = [t for t in types if t.name != stem and not t.file_local]
        if not leaving:
            continue
        if any(t.name == stem for t in types) is False and "{" in text[:min(t.start for t in types)]:
            print(f"skip {path}: block-scoped namespace", file=sys.stderr)
            continue
        lines = [l.strip() for l in text[:min(t.start for t in types)].splitlines() if HEADER_LINE.match(l)]
        usings = [l for l in lines if not l.startswith("namespace")]
        namespaces = [l for l in lines if l.startswith("namespace")]
        header = "".join(u + "\n" for u in usings) + ("\n" if usings else "") + "".join(n + "\n\n" for n in namespaces)
        folder = os.path.dirname(path)
        for t in leaving:
            target_folder = os.path.join(WEB, PLACE[t.name]) if t.name in PLACE else folder
            target = os.path.join(target_folder, t.name + ".cs")
            touched.append(target)
            body = text[t.start:t.end]
            if os.path.exists(target):
                # A partial type already has a file of that name: add to it rather than overwrite.
                print(f"  {t.name}: {target} exists, appended", file=sys.stderr)
                if not DRY:
                    with open(target, "a", encoding="utf-8") as f:
                        f.write("\n" + body + "\n")
            else:
                print(f"  {path} -> {target}")
                if not DRY:
                    os.makedirs(target_folder, exist_ok=True)
                    with open(target, "w", encoding="utf-8") as f:
                        f.write(header + body + "\n")
                created += 1
        # What stays: the text minus the types that left (and the blank lines after them).
        rest, pos = [], 0
        for t in sorted(leaving, key=lambda t: t.start):
            rest.append(text[pos:t.start])
            pos = t.end
            while pos < len(text) and text[pos] in " \t\r\n":
                pos += 1
        rest.append(text[pos:])
        remaining = "".join(rest).rstrip() + "\n"
        kept = [t for t in types if t not in leaving]
        if not kept:
            leftover = "".join(l for l in remaining.splitlines(keepends=True) if not HEADER_LINE.match(l)).strip()
            if leftover:
                print(f"warning: {path} loses text outside its types:\n{leftover}", file=sys.stderr)
            git("rm", "-q", path)
            removed += 1
        elif not DRY:
            with open(path, "w", encoding="utf-8") as f:
                f.write(remaining)
            touched.append(path)
    if not DRY:
        git("add", "-A", WEB)
        prune_usings(touched)
    return created, removed


def prune_usings(paths):
    """Each new file got all of its source file's usings: `dotnet format` removes the ones it does not use."""
    paths = [os.path.relpath(p, WEB) for p in paths if os.path.exists(p)]
    if not paths:
        return
    config = os.path.join(WEB, ".editorconfig")
    with open(config, "w") as f:
        f.write("root = false\n[*.cs]\ndotnet_diagnostic.IDE0005.severity = warning\n")
    try:
        subprocess.run(["dotnet", "format", "style", "FactCheck.Web.csproj", "--diagnostics", "IDE0005",
                        "--severity", "warn", "--include", *paths], cwd=WEB, check=True)
    finally:
        os.remove(config)
    git("add", "-A", WEB)


if __name__ == "__main__":
    print(f"moved {move()} files")
    if "--moves-only" not in sys.argv:
        c, r = split()
        print(f"split: {c} new files, {r} files left without a type removed")


PATH_MENTION = re.compile(r"(?<![\w/.-])((?:src/FactCheck\.Web/)?(?:[A-Z][\w]*/)+[\w.-]+\.(?:cs|txt\.gz))\b")


def fix_mentions():
    """Docs and comments that name a file by its old path get the new one (when the name is unique)."""
    by_name = {}
    for root in (WEB, "tests"):
        for f in subprocess.run(["git", "ls-files", root], capture_output=True, text=True).stdout.splitlines():
            if os.path.exists(f):
                by_name.setdefault(os.path.basename(f), []).append(f)
    out = subprocess.run(["git", "ls-files", "docs", "README.md", "src", "tests", "bench", "script"],
                         capture_output=True, text=True).stdout.splitlines()
    for f in out:
        if not os.path.exists(f) or not f.endswith((".md", ".cs", ".cshtml", ".csproj", ".sh")):
            continue
        text = open(f, encoding="utf-8").read()

        def repl(m):
            mention = m.group(1)
            full = mention if mention.startswith("src/") else None
            candidates = [mention, os.path.join(WEB, mention), os.path.join("tests/FactCheck.Tests", mention),
                          os.path.join(os.path.dirname(f), mention)]
            if any(os.path.exists(c) for c in candidates):
                return mention
            found = by_name.get(os.path.basename(mention), [])
            if len(found) != 1:
                print(f"stale mention in {f}: {mention}", file=sys.stderr)
                return mention
            new = found[0]
            if not full:
                new = os.path.relpath(new, WEB if new.startswith(WEB) else "tests/FactCheck.Tests")
            return new

        new_text = PATH_MENTION.sub(repl, text)
        if new_text != text and not DRY:
            open(f, "w", encoding="utf-8").write(new_text)


if __name__ == "__main__":
    fix_mentions()
