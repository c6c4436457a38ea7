//! A small unified-style line diff for test failure reports.

/// Lines of context shown around each change.
const CONTEXT: usize = 2;
/// Above this many cells the LCS table is not built; the differing middle is
/// shown as removed-then-added instead.
const MAX_TABLE: usize = 4_000_000;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Op<'a> {
    Same(&'a str),
    Del(&'a str),
    Add(&'a str),
}

/// A diff of `expected` against `actual`, showing at most `max_changes`
/// changed lines, each output line starting with `indent`.
pub fn unified(expected: &str, actual: &str, max_changes: usize, indent: &str) -> String {
    let ops = diff_lines(expected, actual);
    let total_changes = ops.iter().filter(|op| !matches!(op, Op::Same(_))).count();
    let shown: Vec<bool> = (0..ops.len())
        .map(|i| {
            let lo = i.saturating_sub(CONTEXT);
            let hi = (i + CONTEXT + 1).min(ops.len());
            ops[lo..hi].iter().any(|op| !matches!(op, Op::Same(_)))
        })
        .collect();

    let mut out = format!("{indent}--- expected\n{indent}+++ actual\n");
    let (mut line_a, mut line_b) = (1usize, 1usize);
    let mut printed_changes = 0;
    let mut in_hunk = false;
    for (op, &show) in ops.iter().zip(&shown) {
        if printed_changes >= max_changes && !matches!(op, Op::Same(_)) {
            break;
        }
        if show && !in_hunk {
            out.push_str(&format!("{indent}@@ -{line_a} +{line_b} @@\n"));
        }
        in_hunk = show;
        let (mark, text) = match *op {
            Op::Same(text) => (' ', text),
            Op::Del(text) => ('-', text),
            Op::Add(text) => ('+', text),
        };
        match op {
            Op::Same(_) => {
                line_a += 1;
                line_b += 1;
            }
            Op::Del(_) => line_a += 1,
            Op::Add(_) => line_b += 1,
        }
        if !show {
            continue;
        }
        if mark != ' ' {
            printed_changes += 1;
        }
        match text.strip_suffix('\n') {
            Some(line) => out.push_str(&format!("{indent}{mark}{line}\n")),
            None => out.push_str(&format!(
                "{indent}{mark}{text}\n{indent}\\ No newline at end of output\n"
            )),
        }
    }
    if total_changes > printed_changes {
        out.push_str(&format!(
            "{indent}... {} more changed lines\n",
            total_changes - printed_changes
        ));
    }
    out
}

fn diff_lines<'a>(expected: &'a str, actual: &'a str) -> Vec<Op<'a>> {
    let a: Vec<&str> = expected.split_inclusive('\n').collect();
    let b: Vec<&str> = actual.split_inclusive('\n').collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mid_a = &a[prefix..a.len() - suffix];
    let mid_b = &b[prefix..b.len() - suffix];

    let mut ops: Vec<Op> = a[..prefix].iter().map(|l| Op::Same(l)).collect();
    if (mid_a.len() + 1) * (mid_b.len() + 1) <= MAX_TABLE {
        ops.extend(lcs_ops(mid_a, mid_b));
    } else {
        ops.extend(mid_a.iter().map(|l| Op::Del(l)));
        ops.extend(mid_b.iter().map(|l| Op::Add(l)));
    }
    ops.extend(a[a.len() - suffix..].iter().map(|l| Op::Same(l)));
    ops
}

/// Edit script from a longest-common-subsequence table.
fn lcs_ops<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<Op<'a>> {
    let (n, m) = (a.len(), b.len());
    let width = m + 1;
    // table[i * width + j] = LCS length of a[i..] and b[j..].
    let mut table = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i * width + j] = if a[i] == b[j] {
                table[(i + 1) * width + j + 1] + 1
            } else {
                table[(i + 1) * width + j].max(table[i * width + j + 1])
            };
        }
    }
    let mut ops = Vec::with_capacity(n + m);
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            ops.push(Op::Same(a[i]));
            i += 1;
            j += 1;
        } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
            ops.push(Op::Del(a[i]));
            i += 1;
        } else {
            ops.push(Op::Add(b[j]));
            j += 1;
        }
    }
    ops.extend(a[i..].iter().map(|l| Op::Del(l)));
    ops.extend(b[j..].iter().map(|l| Op::Add(l)));
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_changed_line_with_context() {
        let d = unified("a\nb\nc\nd\n", "a\nb\nX\nd\n", 20, "");
        assert_eq!(
            d,
            "--- expected\n+++ actual\n@@ -1 +1 @@\n a\n b\n-c\n+X\n d\n"
        );
    }

    #[test]
    fn missing_newline_and_limit() {
        let d = unified("a\n", "a", 20, "");
        assert!(d.contains("\\ No newline at end of output"));
        let many_a: String = (0..50).map(|i| format!("{i}\n")).collect();
        let d = unified(&many_a, "", 5, "");
        assert!(d.ends_with("... 45 more changed lines\n"), "{d}");
    }
}
