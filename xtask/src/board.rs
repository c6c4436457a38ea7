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
