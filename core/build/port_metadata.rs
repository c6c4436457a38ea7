//! The per-port settings of ferropy: `[package.metadata.ferropy]` in a
//! port's `Cargo.toml`, e.g.
//!
//! ```toml
//! [package.metadata.ferropy]
//! frozen = ["functools", "itertools"]    # modules of core/frozen/ to freeze
//!
//! [package.metadata.ferropy.minimal]     # a named configuration
//! frozen = ["functools"]
//! features = ["minimal"]
//! ```
//!
//! Shared by the build scripts and xtask (each includes this file with
//! `#[path]`), so that there is one reader. It understands the subset of
//! TOML these tables use: `key = ["string", ...]` (over several lines if
//! need be) and `key = "string"`, with `#` comments; a table's other keys
//! are skipped.

#![allow(dead_code)]

/// The table holding the settings of configuration `config` (`None`: the
/// port's default one).
pub fn table_name(config: Option<&str>) -> String {
    match config {
        Some(c) => format!("package.metadata.ferropy.{c}"),
        None => "package.metadata.ferropy".to_string(),
    }
}

/// The list `key` of table `table` in the manifest text: `Ok(None)` when
/// the table or the key is absent, `Err` when the value is not a list of
/// strings.
pub fn read_list(manifest: &str, table: &str, key: &str) -> Result<Option<Vec<String>>, String> {
    let Some(value) = raw_value(manifest, table, key)? else {
        return Ok(None);
    };
    let inner = value
        .strip_prefix('[')
        .and_then(|v| v.strip_suffix(']'))
        .ok_or_else(|| format!("[{table}] {key}: expected a list of strings"))?;
    let mut items = Vec::new();
    let mut rest = inner.trim();
    while !rest.is_empty() {
        let (item, after) = string_at(rest)
            .ok_or_else(|| format!("[{table}] {key}: expected a list of strings"))?;
        items.push(item);
        rest = after.trim_start();
        rest = match rest.strip_prefix(',') {
            Some(r) => r.trim_start(),
            None if rest.is_empty() => rest,
            None => return Err(format!("[{table}] {key}: expected `,` between the strings")),
        };
    }
    Ok(Some(items))
}

/// The string `key` of table `table` (`Ok(None)` when absent).
pub fn read_string(manifest: &str, table: &str, key: &str) -> Result<Option<String>, String> {
    let Some(value) = raw_value(manifest, table, key)? else {
        return Ok(None);
    };
    match string_at(&value) {
        Some((s, rest)) if rest.trim().is_empty() => Ok(Some(s)),
        _ => Err(format!("[{table}] {key}: expected a string")),
    }
}

/// Whether frozen module `name` is selected by the `frozen` list `wanted`:
/// `"*"` selects everything, a name the module itself and, for a package,
/// its submodules; `PKG.SUB` also selects its parent packages.
pub fn frozen_selected(name: &str, wanted: &[String]) -> bool {
    wanted.iter().any(|w| {
        w == "*"
            || name == w
            || name
                .strip_prefix(w.as_str())
                .is_some_and(|r| r.starts_with('.'))
            || w.strip_prefix(name).is_some_and(|r| r.starts_with('.'))
    })
}

/// The first name of `wanted` that is neither `"*"` nor one of `available`.
pub fn unknown_frozen<'a>(available: &[&str], wanted: &'a [String]) -> Option<&'a str> {
    wanted
        .iter()
        .map(String::as_str)
        .find(|w| *w != "*" && !available.contains(w))
}

/// A `"..."` string at the start of `s` (the escapes `\"` and `\\`), and
/// what follows it.
fn string_at(s: &str) -> Option<(String, &str)> {
    let body = s.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &body[i + 1..])),
            '\\' => out.push(chars.next()?.1),
            _ => out.push(c),
        }
    }
    None
}

/// `line` without its `#` comment (a `#` inside a string is kept).
fn strip_comment(line: &str) -> &str {
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '#' if !in_string => return &line[..i],
            _ => {}
        }
    }
    line
}

/// The text of the value of `key` in `table` (a list joined over its
/// lines), without comments.
fn raw_value(manifest: &str, table: &str, key: &str) -> Result<Option<String>, String> {
    let mut current = String::new();
    let mut lines = manifest.lines();
    while let Some(line) = lines.next() {
        let line = strip_comment(line).trim();
        if let Some(header) = line.strip_prefix('[') {
            current = header.trim_end_matches(']').trim().to_string();
            continue;
        }
        if current != table {
            continue;
        }
        let Some((k, v)) = line.split_once('=') else {
            continue;
        };
        if k.trim().trim_matches('"') != key {
            continue;
        }
        let mut value = v.trim().to_string();
        if value.starts_with('[') {
            while !value.ends_with(']') {
                let Some(next) = lines.next() else {
                    return Err(format!("[{table}] {key}: the list is not closed"));
                };
                value.push(' ');
                value.push_str(strip_comment(next).trim());
                value = value.trim_end().to_string();
            }
        }
        return Ok(Some(value));
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = r#"
[package]
name = "x"
[package.metadata.ferropy]
frozen = [
    "functools", # comment
    "a#b",
]
extensions = []
[package.metadata.ferropy.minimal]
frozen = ["x"]   # one
features = ["minimal", "float"]
name = "small"
[dependencies]
frozen = ["no"]
"#;

    #[test]
    fn reads_lists_and_strings() {
        let t = table_name(None);
        assert_eq!(
            read_list(MANIFEST, &t, "frozen").unwrap().unwrap(),
            ["functools", "a#b"]
        );
        assert_eq!(
            read_list(MANIFEST, &t, "extensions").unwrap().unwrap(),
            Vec::<String>::new()
        );
        assert_eq!(read_list(MANIFEST, &t, "missing").unwrap(), None);
        let m = table_name(Some("minimal"));
        assert_eq!(read_list(MANIFEST, &m, "frozen").unwrap().unwrap(), ["x"]);
        assert_eq!(
            read_list(MANIFEST, &m, "features").unwrap().unwrap(),
            ["minimal", "float"]
        );
        assert_eq!(
            read_string(MANIFEST, &m, "name").unwrap().as_deref(),
            Some("small")
        );
        assert_eq!(
            read_list(MANIFEST, &table_name(Some("other")), "frozen").unwrap(),
            None
        );
    }

    #[test]
    fn selects_frozen_modules() {
        let list = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let wanted = list(&["unittest", "collections.abc", "copy"]);
        for (name, selected) in [
            ("unittest", true),
            ("unittest.case", true),
            ("unittestx", false),
            ("collections", true),
            ("collections.abc", true),
            ("collections.other", false),
            ("copy", true),
            ("copyreg", false),
            ("typing", false),
        ] {
            assert_eq!(frozen_selected(name, &wanted), selected, "{name}");
        }
        assert!(frozen_selected("typing", &list(&["*"])));
        assert!(!frozen_selected("typing", &[]));
        let available = ["copy", "unittest", "unittest.case"];
        assert_eq!(
            unknown_frozen(&available, &list(&["*", "copy", "unittest.case"])),
            None
        );
        assert_eq!(
            unknown_frozen(&available, &list(&["copy", "copyy"])),
            Some("copyy")
        );
    }

    #[test]
    fn rejects_malformed_values() {
        let t = "[package.metadata.ferropy]\n";
        assert!(read_list(&format!("{t}frozen = \"a\"\n"), &table_name(None), "frozen").is_err());
        assert!(read_list(
            &format!("{t}frozen = [\"a\" \"b\"]\n"),
            &table_name(None),
            "frozen"
        )
        .is_err());
        assert!(read_list(
            &format!("{t}frozen = [\"a\",\n"),
            &table_name(None),
            "frozen"
        )
        .is_err());
        assert!(read_string(&format!("{t}name = [\"a\"]\n"), &table_name(None), "name").is_err());
    }
}
