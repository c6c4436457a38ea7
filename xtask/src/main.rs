//! Project workflows: `cargo xtask test`, `cargo xtask demo`, `cargo xtask bench`,
//! `cargo xtask size`, `cargo xtask uf2`.
//!
//! Std-only on purpose: this crate is built on every `cargo xtask` call and
//! must not slow that down or pull anything into the lock file.

mod bench;
mod board;
mod capi;
mod cpytests;
mod cytests;
mod cython;
mod diff;
#[cfg(test)]
mod firmware_build_tests;
#[path = "../../core/build/port_metadata.rs"]
mod port_metadata;
mod proc;
mod size;
mod smoke;
mod test;
mod uf2;

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  test [--quick|--board] [PATTERN...]
                                build, check no_std, run Rust unit tests and the
                                Python suite (default heap, -X heapsize=150k, and
                                on the Cortex-M4 firmware in QEMU); --quick skips
                                the no_std check, the 150k and the board passes;
                                --board runs only the board pass; PATTERNs select
                                tests whose path (or Rust test name) contains
                                the substring
  ext FILE.{c,pyx} [-o FILE.so] build a C or Cython extension module against include/
  cython-tests [--list FILE] [--limit N] [--cpython] [-j N] [-v] [PATTERN...]
                                run Cython 3.3.1's tests/run doctests (sdist from
                                PyPI) on ferropy, or on CPython with --cpython
  demo                          build ferropy, run the Cython examples and tests/basics/demo_showcase.py
  bench [--quick] [--no-valgrind] [PATTERN...]
                                time bench/*.py under ferropy and CPython (best
                                of 3, or 1 with --quick) and, when valgrind is
                                installed, count instructions with callgrind

  stdlib-smoke [MODULE...]      copy pure-Python modules of CPython 3.11's stdlib
                                to a temporary directory, run a smoke script per
                                module under ferropy and CPython, print a table
  cpython-tests [-v] [MODULE...]
                                run test modules of CPython 3.11's Lib/test (copied
                                to a temporary directory) under ferropy with
                                unittest; print tests run/failures/errors per module
                                (-v: list the failing tests on stderr)
  size                          build the Cortex-M4 firmware (ports/qemu-m4): the
                                test image (figures only) and the budgeted
                                `minimal` configuration, whose flash/RAM/heap
                                figures it checks; fails over budget
  uf2                           build the Metro M4 firmware (ports/metro-m4),
                                write its .uf2 (SAMD51, at 0x4000) and print
                                the paths and its size against the budgets

environment:
  FERROPY=path   use this interpreter instead of building target/release/ferropy
                 (e.g. FERROPY=python3 to check the tests themselves)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    match command.as_str() {
        "test" => test::run(rest),
        "demo" => demo(rest),
        "ext" => capi::ext(rest),
        "cython-tests" => cytests::run(rest),
        "cpython-tests" => cpytests::run(rest),
        "bench" => bench::run(rest),
        "size" => size::run(rest),
        "uf2" => uf2::run(rest),
        "stdlib-smoke" => smoke::run_smoke(rest),
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        other => {
            eprintln!("xtask: unknown command `{other}`\n");
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// `cargo xtask demo`: runs the showcase program with ferropy.
fn demo(args: &[String]) -> ExitCode {
    if let Some(arg) = args.first() {
        eprintln!("xtask demo: unexpected argument `{arg}`");
        return ExitCode::from(2);
    }
    let root = repo_root();
    let Some(ferropy) = ferropy_or_build(&root) else {
        return ExitCode::FAILURE;
    };
    demo_cython(&root, &ferropy);
    let script = root.join("tests/basics/demo_showcase.py");
    header(&format!(
        "{} {}",
        ferropy.to_string_lossy(),
        script.strip_prefix(&root).unwrap_or(&script).display()
    ));
    let status = Command::new(&ferropy)
        .arg(script.file_name().expect("script has a file name"))
        .current_dir(script.parent().expect("script has a directory"))
        .envs(test::PYTHON_ENV)
        .status();
    match status {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(status) => {
            eprintln!("xtask demo: ferropy exited with {status}");
            ExitCode::FAILURE
        }
        Err(err) => {
            eprintln!(
                "xtask demo: cannot run {}: {err}",
                ferropy.to_string_lossy()
            );
            ExitCode::FAILURE
        }
    }
}

/// First part of the demo: build each `cython-examples/NAME.pyx` for
/// ferropy and run its driver (a failure is reported, not fatal: the test
/// step is what checks them).
fn demo_cython(root: &Path, ferropy: &OsString) {
    let Some(v) = cython::cython_version() else {
        header("cython-examples (Cython, Limited API) on ferropy");
        println!("skipped: Cython is not installed (bash .ci/setup installs it)");
        return;
    };
    for pyx in cython::examples(root) {
        let name = capi::stem(&pyx);
        header(&format!(
            "cython-examples/{name}.pyx (Cython {v}, Limited API) on ferropy"
        ));
        let out = target_dir(root).join("cython-examples").join(&name);
        match cython::build(root, &pyx, &out) {
            Ok((ours, _)) => {
                let missing = cython::unresolved(&ours.join(format!("{name}.so")), ferropy);
                if !missing.is_empty() {
                    println!(
                        "not run: needs C functions ferropy does not export yet: {}",
                        missing.join(", ")
                    );
                    continue;
                }
                let (ok, stdout, stderr) =
                    cython::run_driver(ferropy, &ours, &cython::driver_of(&pyx));
                print!("{stdout}");
                if !ok {
                    println!("failed on ferropy: {}", stderr.lines().last().unwrap_or(""));
                }
            }
            Err(e) => println!("build failed: {e}"),
        }
    }
}

/// The workspace root (the parent of this crate's directory).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// The cargo target directory (honours `CARGO_TARGET_DIR`).
pub fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root.join(dir),
        _ => root.join("target"),
    }
}

/// A `cargo` command (the same cargo that runs us) run from the workspace root.
pub fn cargo(root: &Path) -> Command {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.current_dir(root);
    cmd
}

/// Prints a step header and flushes, so it shows before any child output.
pub fn header(text: &str) {
    println!("\n==> {text}");
    let _ = std::io::stdout().flush();
}

/// Runs a command with inherited stdio; true when it exits successfully.
pub fn run_status(cmd: &mut Command) -> bool {
    match cmd.status() {
        Ok(status) => status.success(),
        Err(err) => {
            eprintln!("xtask: cannot run {:?}: {err}", cmd.get_program());
            false
        }
    }
}

/// The interpreter named by `FERROPY`, made absolute when it is a path
/// (tests run with their own directory as the working directory).
pub fn ferropy_override() -> Option<OsString> {
    let value = std::env::var_os("FERROPY").filter(|v| !v.is_empty())?;
    let path = Path::new(&value);
    if path.components().count() > 1 || path.is_absolute() {
        Some(
            std::fs::canonicalize(path)
                .map(PathBuf::into_os_string)
                .unwrap_or(value),
        )
    } else {
        Some(value)
    }
}

/// Builds the release binary and returns its path.
pub fn build_ferropy(root: &Path) -> Option<OsString> {
    let ok = run_status(cargo(root).args(["build", "--release", "-p", "ferropy-unix"]));
    if !ok {
        eprintln!("xtask: building ferropy failed");
        return None;
    }
    let binary = target_dir(root).join("release/ferropy");
    if !binary.is_file() {
        eprintln!("xtask: {} was not produced", binary.display());
        return None;
    }
    Some(binary.into_os_string())
}

/// The interpreter to test: `FERROPY` if set, else a freshly built release binary.
fn ferropy_or_build(root: &Path) -> Option<OsString> {
    if let Some(ferropy) = ferropy_override() {
        println!("using FERROPY={}", ferropy.to_string_lossy());
        return Some(ferropy);
    }
    header("cargo build --release -p ferropy-unix");
    build_ferropy(root)
}

/// Looks a program up in `PATH`.
pub fn find_in_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            .unwrap_or(false)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// A CPython 3.11 interpreter: `python3.11` if on `PATH`, else `python3`.
///
/// Returns the real executable (`sys.executable`), which skips wrapper scripts
/// such as pyenv shims: faster, and what valgrind must be pointed at.
pub fn cpython() -> Result<OsString, String> {
    let name = if find_in_path("python3.11").is_some() {
        "python3.11"
    } else {
        "python3"
    };
    let output = Command::new(name)
        .args([
            "-c",
            "import sys; print('%d.%d.%d' % sys.version_info[:3]); print(sys.executable)",
        ])
        .output()
        .map_err(|err| format!("cannot run {name}: {err}"))?;
    if !output.status.success() {
        return Err(format!(
            "{name} failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut lines = text.lines();
    let version = lines.next().unwrap_or("").trim();
    let executable = lines.next().unwrap_or("").trim();
    if !version.starts_with("3.11.") {
        return Err(format!(
            "{name} is CPython {version}; the expected outputs come from CPython 3.11.x"
        ));
    }
    if executable.is_empty() {
        Ok(OsStr::new(name).to_os_string())
    } else {
        Ok(OsString::from(executable))
    }
}
