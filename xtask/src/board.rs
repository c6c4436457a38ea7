//! The Cortex-M4 firmware (`ports/qemu-m4`) under QEMU: building it, and
//! talking to its raw REPL over the emulated UART (QEMU's stdin/stdout).
//!
//! The protocol is MicroPython's raw REPL (see `ports/mcu-common/src/repl.rs`
//! and docs/firmware.md): Ctrl-A enters raw mode, a program followed by
//! Ctrl-D runs, and the board answers `OK`, the program's stdout, `\x04`,
//! its stderr, `\x04`, `>`. Ctrl-D on an empty program soft-resets.

use crate::{cargo, run_status, target_dir};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

pub const TARGET: &str = "thumbv7em-none-eabihf";
const FIRMWARE_DIR: &str = "ports/qemu-m4";
const BINARY: &str = "ferropy-qemu-m4";
pub const QEMU: &str = "qemu-system-arm";

const RAW_PROMPT: &[u8] = b"raw REPL; CTRL-B to exit\r\n>";
const SOFT_REBOOT: &[u8] = b"soft reboot\r\n";
/// How long the board may take to boot, reset or acknowledge a program.
const PROTOCOL_TIMEOUT: Duration = Duration::from_secs(10);
/// The error section's last line when a program ended with a non-zero status.
const EXIT_STATUS: &str = "ferropy: exit status ";

/// Builds the firmware (release profile: opt-level "z", LTO) and returns the
/// ELF file.
pub fn build_firmware(root: &Path) -> Option<PathBuf> {
    build_firmware_config(root, None)
}

/// Builds configuration `config` of the firmware (`None`: the default one,
/// the test firmware), returning the ELF file. A named configuration is
/// `[package.metadata.ferropy.NAME]` of ports/qemu-m4/Cargo.toml: built with
/// the cargo profile NAME (so its image has its own directory), the port's
/// default features off and the table's `features` on, and
/// `FERROPY_CONFIG=NAME` (core/build.rs then freezes the table's `frozen`
/// list).
pub fn build_firmware_config(root: &Path, config: Option<&str>) -> Option<PathBuf> {
    let dir = root.join(FIRMWARE_DIR);
    let target_dir = target_dir(root);
    // Run from the firmware's directory so that its .cargo/config.toml
    // (target, linker script, runner) applies.
    let mut cmd = cargo(root);
    cmd.current_dir(&dir)
        .args(["build", "--target", TARGET, "--target-dir"])
        .arg(&target_dir)
        .env_remove("FERROPY_CONFIG");
    let profile = match config {
        None => {
            cmd.arg("--release");
            "release"
        }
        Some(name) => {
            let manifest = dir.join("Cargo.toml");
            let features = std::fs::read_to_string(&manifest)
                .map_err(|e| e.to_string())
                .and_then(|text| {
                    crate::port_metadata::read_list(
                        &text,
                        &crate::port_metadata::table_name(Some(name)),
                        "features",
                    )
                });
            let features = match features {
                Ok(Some(features)) => features,
                Ok(None) => {
                    eprintln!(
                        "xtask: {}: no [package.metadata.ferropy.{name}] with `features`",
                        manifest.display()
                    );
                    return None;
                }
                Err(e) => {
                    eprintln!("xtask: {}: {e}", manifest.display());
                    return None;
                }
            };
            cmd.args(["--profile", name, "--no-default-features", "--features"])
                .arg(features.join(","))
                .env("FERROPY_CONFIG", name);
            name
        }
    };
    if !run_status(&mut cmd) {
        eprintln!("xtask: building the firmware failed");
        return None;
    }
    let elf = target_dir.join(TARGET).join(profile).join(BINARY);
    if !elf.is_file() {
        eprintln!("xtask: {} was not produced", elf.display());
        return None;
    }
    Some(elf)
}

/// What a raw-REPL program printed.
pub struct RawRun {
    /// Standard output, with the board's `\r\n` turned back into `\n`.
    pub stdout: Vec<u8>,
    /// The error section (stderr, tracebacks), `\n` line ends, without the
    /// exit status line.
    pub stderr: Vec<u8>,
    /// The program's exit status (0, or what the status line says).
    pub status: i32,
}

/// Why talking to the board failed.
pub enum BoardError {
    /// The program did not finish in time (the board was interrupted, or
    /// restarted when it did not answer).
    Timeout(Vec<u8>),
    /// QEMU exited or the protocol went wrong; what the board sent last.
    Broken(String, Vec<u8>),
}

/// A running QEMU with the firmware, in raw-REPL mode.
pub struct Board {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Vec<u8>>,
    /// Received and not consumed yet.
    pending: Vec<u8>,
    closed: bool,
    /// The tests' support packages are on the board's filesystem (its RAM
    /// disk keeps them across soft resets, not across a restart).
    files_ready: bool,
}

impl Board {
    /// Starts QEMU and enters the raw REPL.
    pub fn start(firmware: &Path) -> Result<Board, String> {
        let mut child = Command::new(QEMU)
            .args([
                "-M",
                "mps2-an386",
                "-nographic",
                "-monitor",
                "none",
                "-semihosting-config",
                "enable=on,target=native",
                "-kernel",
            ])
            .arg(firmware)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|err| format!("cannot run {QEMU}: {err}"))?;
        let stdin = child.stdin.take().expect("stdin is piped");
        let mut stdout = child.stdout.take().expect("stdout is piped");
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            let mut buf = [0u8; 4096];
            loop {
                match stdout.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        if tx.send(buf[..n].to_vec()).is_err() {
                            break;
                        }
                    }
                    Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                    Err(_) => break,
                }
            }
        });
        let mut board = Board {
            child,
            stdin,
            rx,
            pending: Vec::new(),
            closed: false,
            files_ready: false,
        };
        let deadline = Instant::now() + PROTOCOL_TIMEOUT;
        board
            .read_until(b">>> ", deadline)
            .map_err(|e| board_error_text("no friendly prompt after boot", e))?;
        board.send(b"\x01").map_err(|e| e.to_string())?;
        board
            .read_until(RAW_PROMPT, deadline)
            .map_err(|e| board_error_text("no raw REPL prompt", e))?;
        Ok(board)
    }

    fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.stdin.write_all(bytes)?;
        self.stdin.flush()
    }

    /// Reads until `pattern`; returns what came before it (the pattern is
    /// consumed).
    fn read_until(&mut self, pattern: &[u8], deadline: Instant) -> Result<Vec<u8>, BoardError> {
        let mut searched = 0;
        loop {
            if let Some(at) = find(&self.pending[searched..], pattern) {
                let at = searched + at;
                let rest = self.pending.split_off(at + pattern.len());
                let mut before = std::mem::replace(&mut self.pending, rest);
                before.truncate(at);
                return Ok(before);
            }
            searched = self.pending.len().saturating_sub(pattern.len());
            if self.closed {
                return Err(BoardError::Broken(
                    "QEMU exited".into(),
                    std::mem::take(&mut self.pending),
                ));
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(BoardError::Timeout(std::mem::take(&mut self.pending)));
            }
            match self.rx.recv_timeout(deadline - now) {
                Ok(bytes) => self.pending.extend_from_slice(&bytes),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => self.closed = true,
            }
        }
    }

    /// Runs one program; on success the board is back at the raw prompt.
    pub fn exec(&mut self, program: &[u8], timeout: Duration) -> Result<RawRun, BoardError> {
        self.pending.clear();
        let io_err =
            |e: io::Error| BoardError::Broken(format!("cannot write to QEMU: {e}"), vec![]);
        self.send(program).map_err(io_err)?;
        self.send(b"\x04").map_err(io_err)?;
        let start = Instant::now();
        self.read_until(b"OK", start + PROTOCOL_TIMEOUT)
            .map_err(|e| broken("no OK after the program", e))?;
        let deadline = start + timeout;
        let stdout = match self.read_until(b"\x04", deadline) {
            Ok(out) => out,
            Err(BoardError::Timeout(out)) => {
                // Interrupt it (KeyboardInterrupt) and get back to the prompt.
                let _ = self.send(b"\x03");
                let back = Instant::now() + PROTOCOL_TIMEOUT;
                let recovered = self.read_until(b"\x04", back).is_ok()
                    && self.read_until(b"\x04>", back).is_ok();
                if !recovered {
                    return Err(BoardError::Broken(
                        "timed out, and Ctrl-C did not stop the program".into(),
                        out,
                    ));
                }
                return Err(BoardError::Timeout(out));
            }
            Err(e) => return Err(e),
        };
        let err = self.read_until(b"\x04", start + timeout + PROTOCOL_TIMEOUT)?;
        self.read_until(b">", Instant::now() + PROTOCOL_TIMEOUT)
            .map_err(|e| broken("no prompt after the program", e))?;
        let mut stderr = uncook(&err);
        let mut status = 0;
        let text = String::from_utf8_lossy(&stderr).into_owned();
        let body = text.strip_suffix('\n').unwrap_or(&text);
        let last_start = body.rfind('\n').map_or(0, |i| i + 1);
        if let Some(n) = body[last_start..].strip_prefix(EXIT_STATUS) {
            if let Ok(n) = n.trim().parse::<i32>() {
                status = n;
                stderr.truncate(last_start);
            }
        }
        Ok(RawRun {
            stdout: uncook(&stdout),
            stderr,
            status,
        })
    }

    /// The modules the firmware has (`help('modules')`: core's native and
    /// frozen modules; the port's own, such as `machine`, are not listed).
    pub fn modules(&mut self) -> Result<Vec<String>, String> {
        let run = self
            .exec(b"help('modules')\n", PROTOCOL_TIMEOUT)
            .map_err(|_| "the board did not answer help('modules')".to_string())?;
        let text = String::from_utf8_lossy(&run.stdout);
        let names: Vec<String> = text
            .lines()
            .take_while(|line| !line.starts_with("Plus any modules"))
            .flat_map(str::split_whitespace)
            .map(str::to_string)
            .collect();
        if run.status != 0 || !names.iter().any(|n| n == "sys") {
            return Err(format!("unexpected answer to help('modules'): {text:?}"));
        }
        Ok(names)
    }

    /// Prepares the filesystem for a test that needs files: the Python
    /// packages of `tests/` (directories with an `__init__.py`, such as
    /// `import_pkg`, which tests import) are copied to `/tests/` once per
    /// boot, then `/<dir>` (`dir`: the test's directory from the repository
    /// root, `tests/...`) becomes the session's current directory, as the host runs a test in its own
    /// directory. The programs leave no names in `__main__`.
    pub fn enter_test_dir(&mut self, tests: &Path, dir: &str) -> Result<(), String> {
        if !self.files_ready {
            let program = upload_program(tests)?;
            let run = self
                .exec(program.as_bytes(), BOOT_TIMEOUT)
                .map_err(|e| board_error_text("copying the test packages failed", e))?;
            if run.status != 0 {
                return Err(format!(
                    "copying the test packages failed: {}",
                    String::from_utf8_lossy(&run.stderr)
                ));
            }
            self.soft_reset()
                .map_err(|e| board_error_text("no soft reset after copying", e))?;
            self.files_ready = true;
        }
        let mut program = String::from("_o = __import__('os')\n_p = ''\n");
        program.push_str(&format!("for _n in {}:\n", py_str_list(dir.split('/'))));
        program.push_str("    _p += '/' + _n\n    try:\n        _o.mkdir(_p)\n    except OSError:\n        pass\n");
        program.push_str("_o.chdir(_p)\ndel _o, _p, _n\n");
        let run = self
            .exec(program.as_bytes(), PROTOCOL_TIMEOUT)
            .map_err(|e| board_error_text("cannot enter the test's directory", e))?;
        if run.status != 0 || !run.stdout.is_empty() {
            return Err(format!(
                "cannot enter the test's directory: {}",
                String::from_utf8_lossy(&run.stderr)
            ));
        }
        Ok(())
    }

    /// Soft reset (fresh heap and interpreter), staying in raw mode.
    pub fn soft_reset(&mut self) -> Result<(), BoardError> {
        self.send(b"\x04")
            .map_err(|e| BoardError::Broken(format!("cannot write to QEMU: {e}"), vec![]))?;
        let deadline = Instant::now() + PROTOCOL_TIMEOUT;
        self.read_until(SOFT_REBOOT, deadline)
            .map_err(|e| broken("no soft reboot", e))?;
        self.read_until(RAW_PROMPT, deadline)
            .map_err(|e| broken("no raw prompt after the soft reset", e))?;
        Ok(())
    }
}

impl Drop for Board {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A `main.py` on the board's filesystem runs at a reset into the friendly
/// REPL (as MicroPython's): writes one, soft-resets in friendly mode and
/// looks for its output before the prompt.
pub fn check_main_py(firmware: &Path) -> Result<(), String> {
    let mut b = Board::start(firmware)?;
    let program = b"with open('/main.py', 'w') as f:\n    f.write('print(\"main.py ran in\", __name__)\\n')\n";
    let run = b
        .exec(program, PROTOCOL_TIMEOUT)
        .map_err(|e| board_error_text("cannot write main.py", e))?;
    if run.status != 0 {
        return Err(format!(
            "cannot write main.py: {}",
            String::from_utf8_lossy(&run.stderr)
        ));
    }
    let io_err = |e: io::Error| format!("cannot write to QEMU: {e}");
    // Ctrl-B: the friendly REPL; Ctrl-D there: a soft reset.
    b.send(b"\x02").map_err(io_err)?;
    let deadline = Instant::now() + PROTOCOL_TIMEOUT;
    b.read_until(b">>> ", deadline)
        .map_err(|e| board_error_text("no friendly prompt", e))?;
    b.send(b"\x04").map_err(io_err)?;
    let out = b
        .read_until(b">>> ", deadline)
        .map_err(|e| board_error_text("no prompt after the soft reset", e))?;
    let out = String::from_utf8_lossy(&uncook(&out)).into_owned();
    if !out.contains("main.py ran in __main__\n") {
        return Err(format!("main.py did not run at the soft reset: {out:?}"));
    }
    Ok(())
}

/// Copying the test packages may take a while under QEMU.
const BOOT_TIMEOUT: Duration = Duration::from_secs(60);

/// `['a', 'b']` of some names (without quotes or backslashes in them).
fn py_str_list<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<String> = names
        .filter(|n| !n.is_empty())
        .map(|n| format!("'{n}'"))
        .collect();
    format!("[{}]", items.join(", "))
}

/// A Python bytes literal of `data` (no raw-REPL control bytes in it).
fn py_bytes(data: &[u8]) -> String {
    let mut s = String::from("b'");
    for &b in data {
        match b {
            b'\\' => s.push_str("\\\\"),
            b'\'' => s.push_str("\\'"),
            0x20..=0x7e => s.push(b as char),
            _ => s.push_str(&format!("\\x{b:02x}")),
        }
    }
    s.push('\'');
    s
}

/// A program writing the packages of `tests` (directories with an
/// `__init__.py`) to `/tests/` on the board.
fn upload_program(tests: &Path) -> Result<String, String> {
    fn walk(dir: &Path, board: &str, out: &mut String) -> Result<(), String> {
        out.push_str(&format!("_d('{board}')\n"));
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('_') && name != "__init__.py" || name.starts_with('.') {
                continue;
            }
            if p.is_dir() {
                walk(&p, &format!("{board}/{name}"), out)?;
            } else if name.ends_with(".py") {
                let data = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
                out.push_str(&format!("_w('{board}/{name}', {})\n", py_bytes(&data)));
            }
        }
        Ok(())
    }
    let mut out = String::from(
        "import os\n\ndef _d(p):\n    try:\n        os.mkdir(p)\n    except OSError:\n        pass\n\n\ndef _w(p, b):\n    with open(p, 'wb') as f:\n        f.write(b)\n\n\n_d('/tests')\n",
    );
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(tests)
        .map_err(|e| format!("{}: {e}", tests.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("__init__.py").is_file())
        .collect();
    dirs.sort();
    for d in dirs {
        let name = d.file_name().and_then(|n| n.to_str()).unwrap_or("");
        walk(&d, &format!("/tests/{name}"), &mut out)?;
    }
    Ok(out)
}

fn broken(what: &str, e: BoardError) -> BoardError {
    match e {
        BoardError::Timeout(seen) => BoardError::Broken(what.to_string(), seen),
        other => other,
    }
}

fn board_error_text(what: &str, e: BoardError) -> String {
    match e {
        BoardError::Timeout(seen) => format!(
            "{what} (timed out); the board said: {:?}",
            String::from_utf8_lossy(&seen)
        ),
        BoardError::Broken(why, seen) => format!(
            "{what}: {why}; the board said: {:?}",
            String::from_utf8_lossy(&seen)
        ),
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The board sends `\r\n` for each `\n` written; undo that.
fn uncook(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i += 1;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

// ------------------------------------------------- extensions on the board

/// A driver of C extension modules linked into the firmware (the QEMU
/// port's `[package.metadata.ferropy]` lists them): a Cython example's
/// `cython-examples/NAME_driver.py` or a C API test's `tests/capi/*_test.py`.
struct ExtTest {
    /// Path shown in the report, from the repository root.
    rel: String,
    driver: PathBuf,
    /// The C sources CPython needs built to produce the expected output:
    /// (module name, `.pyx` or `.c`).
    modules: Vec<(String, PathBuf)>,
}

/// The extension drivers whose path contains one of `patterns` (all without
/// patterns): every Cython example, then every C API test driver.
fn ext_tests(root: &Path, patterns: &[String]) -> Vec<ExtTest> {
    let mut v = Vec::new();
    for pyx in crate::cython::examples(root) {
        let name = crate::capi::stem(&pyx);
        let driver = crate::cython::driver_of(&pyx);
        v.push(ExtTest {
            rel: format!("cython-examples/{name}_driver.py"),
            driver,
            modules: vec![(name, pyx)],
        });
    }
    let dir = root.join("tests/capi");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let c_modules: Vec<(String, PathBuf)> = files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "c"))
        .map(|p| (crate::capi::stem(p), p.clone()))
        .filter(|(n, _)| !n.starts_with("embed"))
        .collect();
    for t in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .filter(|p| crate::capi::stem(p).ends_with("_test"))
    {
        v.push(ExtTest {
            rel: format!(
                "tests/capi/{}",
                t.file_name().unwrap_or_default().to_string_lossy()
            ),
            driver: t.clone(),
            modules: c_modules.clone(),
        });
    }
    v.retain(|t| patterns.is_empty() || patterns.iter().any(|p| t.rel.contains(p.as_str())));
    v
}

/// CPython's stdout and exit status for a driver, its modules built against
/// CPython's headers in `dir` (kept between runs; rebuilt when the source
/// is newer).
fn cpython_expected(t: &ExtTest, dir: &Path) -> Result<(Vec<u8>, crate::proc::Exit), String> {
    let python = crate::cpython()?;
    let include = crate::capi::cpython_include(&python)
        .ok_or("CPython's headers (Python.h) are not installed")?;
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let newer = |a: &Path, b: &Path| -> bool {
        let m = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        match (m(a), m(b)) {
            (Some(a), Some(b)) => a > b,
            _ => true,
        }
    };
    for (name, src) in &t.modules {
        let so = dir.join(format!("{name}.so"));
        if !newer(src, &so) {
            continue;
        }
        let c = if src.extension().is_some_and(|e| e == "c") {
            src.clone()
        } else {
            crate::cython::cythonize(src, &dir.join("c"))?
        };
        crate::capi::build_ext_with(&c, &so, &include, &[])?;
    }
    let name = t.driver.file_name().unwrap_or_default();
    std::fs::copy(&t.driver, dir.join(name)).map_err(|e| format!("{}: {e}", t.driver.display()))?;
    // The program comes from standard input, as on the board (the raw
    // REPL runs it as `<stdin>`: tracebacks name that file).
    let script = dir.join(name);
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("exec \"$0\" - < \"$1\"")
        .arg(&python)
        .arg(&script)
        .current_dir(dir)
        .envs(crate::test::PYTHON_ENV)
        .env_remove("PYTHONPATH");
    let out = crate::proc::run_captured(&mut cmd, Some(Duration::from_secs(60)))
        .map_err(|e| format!("cannot run {}: {e}", python.to_string_lossy()))?;
    Ok((out.stdout, out.exit))
}

/// Counts of the extension part of the board pass.
#[derive(Default)]
pub struct ExtCounts {
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
}

/// The extension part of the board pass: every driver (selected by
/// `patterns`) runs through the raw REPL on a firmware that has its modules
/// linked in, and must print what it prints under CPython (with the modules
/// built for CPython) and end with the same status. Drivers declaring
/// `# requires:` features the board lacks (`features` are the board's) are
/// skipped.
pub fn run_ext_tests(
    root: &Path,
    firmware: &Path,
    patterns: &[String],
    features: &[&str],
    timeout: Duration,
) -> ExtCounts {
    let mut c = ExtCounts::default();
    let tests = ext_tests(root, patterns);
    if tests.is_empty() {
        return c;
    }
    if crate::cython::cython_version().is_none() {
        println!("skip  cython-examples, tests/capi on the board: Cython is not installed (bash .ci/setup)");
        c.skipped += tests.len();
        return c;
    }
    let dir = target_dir(root).join("board-ext/cpython");
    let mut board: Option<Board> = None;
    let mut again = None;
    for t in &tests {
        let rel = &t.rel;
        let program = match std::fs::read(&t.driver) {
            Ok(p) => p,
            Err(e) => {
                println!("FAIL  {rel}: {e}");
                c.failed += 1;
                continue;
            }
        };
        let missing: Vec<String> =
            match crate::test::parse_requires(&String::from_utf8_lossy(&program)) {
                Ok(req) => req
                    .into_iter()
                    .filter(|f| !features.contains(&f.as_str()))
                    .collect(),
                Err(e) => {
                    println!("FAIL  {rel}: {e}");
                    c.failed += 1;
                    continue;
                }
            };
        if !missing.is_empty() {
            println!("skip  {rel} (requires {})", missing.join(" "));
            c.skipped += 1;
            continue;
        }
        if has_control_bytes(&program) {
            println!("FAIL  {rel}: the source contains bytes 0x01-0x05 (raw REPL commands)");
            c.failed += 1;
            continue;
        }
        let (exp_out, exp_exit) = match cpython_expected(t, &dir) {
            Ok(e) => e,
            Err(e) => {
                println!("FAIL  {rel} under CPython: {e}");
                c.failed += 1;
                continue;
            }
        };
        match run_one(&mut board, firmware, &program, &exp_out, exp_exit, timeout) {
            Ok(()) => {
                println!("pass  {rel} (board)");
                c.passed += 1;
                if again.is_none() {
                    again = Some((rel.clone(), program, exp_out, exp_exit));
                }
            }
            Err(details) => {
                print!("FAIL  {rel} (board)\n{details}");
                c.failed += 1;
            }
        }
    }
    // The C statics of the modules are restored at each soft reset: the
    // first driver that passed must pass again in this later session,
    // importing its modules anew.
    if let Some((rel, program, exp_out, exp_exit)) = again {
        match run_one(&mut board, firmware, &program, &exp_out, exp_exit, timeout) {
            Ok(()) => {
                println!("pass  {rel} (board, again after soft resets)");
                c.passed += 1;
            }
            Err(details) => {
                print!("FAIL  {rel} (board, again after soft resets)\n{details}");
                c.failed += 1;
            }
        }
    }
    c
}

/// Run one program on the board (started if needed, soft-reset after) and
/// compare with the expected stdout and status; `Err` has the details.
fn run_one(
    board: &mut Option<Board>,
    firmware: &Path,
    program: &[u8],
    exp_out: &[u8],
    exp_exit: crate::proc::Exit,
    timeout: Duration,
) -> Result<(), String> {
    if board.is_none() {
        *board = Some(Board::start(firmware).map_err(|e| format!("      {e}\n"))?);
    }
    let b = board.as_mut().expect("started above");
    let run = b.exec(program, timeout);
    let reset_ok = run.is_ok() || matches!(run, Err(BoardError::Timeout(_)));
    if !(reset_ok && b.soft_reset().is_ok()) {
        *board = None;
    }
    let tail = |bytes: &[u8], n: usize| -> String {
        let text = String::from_utf8_lossy(bytes);
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(n)..]
            .iter()
            .map(|l| format!("      | {l}\n"))
            .collect()
    };
    match run {
        Ok(r) if crate::proc::Exit::Code(r.status) == exp_exit && r.stdout == exp_out => Ok(()),
        Ok(r) => {
            let mut d = String::new();
            if crate::proc::Exit::Code(r.status) != exp_exit {
                d.push_str(&format!("      expected {exp_exit}, got {}\n", r.status));
            }
            d.push_str(&crate::diff::unified(
                &String::from_utf8_lossy(exp_out),
                &String::from_utf8_lossy(&r.stdout),
                20,
                "      ",
            ));
            d.push_str(&tail(&r.stderr, 8));
            Err(d)
        }
        Err(BoardError::Timeout(out)) => Err(format!(
            "      timed out after {} s\n{}",
            timeout.as_secs(),
            tail(&out, 4)
        )),
        Err(BoardError::Broken(why, out)) => Err(format!("      {why}\n{}", tail(&out, 4))),
    }
}

/// Bytes a raw-REPL program cannot contain (they are protocol commands).
pub fn has_control_bytes(program: &[u8]) -> bool {
    program.iter().any(|&b| (1..=5).contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uncooks_line_ends() {
        assert_eq!(uncook(b"a\r\nb\r\r\nc\r"), b"a\nb\r\nc\r");
    }
}
