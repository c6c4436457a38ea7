//! The `machine` module of the Metro M4 (MicroPython's API, the part this
//! board supports): `Pin`, `freq()`, `reset()`, `soft_reset()`,
//! `unique_id()`, `bitstream()` (the NeoPixel driver's primitive; the
//! `neopixel` module is frozen Python on top of it, `frozen/neopixel.py`).
//!
//! Pins are driven through the SAMD51's PORT registers directly (the HAL's
//! type-state pins cannot be chosen at run time). A pin is named by its
//! board name (`"D13"`, `"A0"`, `"LED"`, `"NEOPIXEL"`, `"SDA"`, `"SCL"`),
//! its MCU name (`"PA16"`), or its Arduino number (`13`; `14`..`19` are
//! A0..A5; `40` is the NeoPixel).

use alloc::format;
use core::ptr::{read_volatile, write_volatile};
use ferropy_core::obj::attr::AttrEntry;
use ferropy_core::obj::{dict, int, module, none, str as pystr, tuple, Args, Obj};
use ferropy_core::vm::{abs, call, PyResult, Vm};
use ferropy_core::{function, method};

/// Core clock (DPLL0, set up by `main`).
pub const CPU_HZ: u32 = 120_000_000;

/// GPIO numbers: port group * 32 + bit.
const fn pa(n: u8) -> u8 {
    n
}
const fn pb(n: u8) -> u8 {
    32 + n
}

/// The board's pin names, with their GPIO numbers.
static PINS: &[(&str, u8)] = &[
    ("D0", pa(23)),
    ("D1", pa(22)),
    ("D2", pb(17)),
    ("D3", pb(16)),
    ("D4", pb(13)),
    ("D5", pb(14)),
    ("D6", pb(15)),
    ("D7", pb(12)),
    ("D8", pa(21)),
    ("D9", pa(20)),
    ("D10", pa(18)),
    ("D11", pa(19)),
    ("D12", pa(17)),
    ("D13", pa(16)),
    ("A0", pa(2)),
    ("A1", pa(5)),
    ("A2", pa(6)),
    ("A3", pa(4)),
    ("A4", pb(8)),
    ("A5", pb(9)),
    ("LED", pa(16)),
    ("NEOPIXEL", pb(22)),
    ("SDA", pb(2)),
    ("SCL", pb(3)),
];

/// Pins Python code may not take: the USB data lines (the REPL) and the
/// debug port's SWDIO.
const RESERVED: [u8; 3] = [pa(24), pa(25), pa(31)];

// ------------------------------------------------------------ PORT registers

const PORT_BASE: usize = 0x4100_8000;
const DIRCLR: usize = 0x04;
const DIRSET: usize = 0x08;
const OUTCLR: usize = 0x14;
const OUTSET: usize = 0x18;
const OUTTGL: usize = 0x1c;
const IN: usize = 0x20;
const PINCFG: usize = 0x40;
const PINCFG_INEN: u8 = 1 << 1;
const PINCFG_PULLEN: u8 = 1 << 2;

fn group_reg(gpio: u8, off: usize) -> *mut u32 {
    (PORT_BASE + (gpio as usize / 32) * 0x80 + off) as *mut u32
}

fn bit(gpio: u8) -> u32 {
    1 << (gpio % 32)
}

/// Write `bit(gpio)` to one of the PORT's set/clear/toggle registers.
fn strobe(gpio: u8, off: usize) {
    // SAFETY: PORT registers of an existing group (gpio < 64, checked when
    // the pin was made); the set/clear/toggle registers only change the
    // bits written as 1, so other pins (the USB pins the HAL owns) keep
    // their state.
    unsafe { write_volatile(group_reg(gpio, off), bit(gpio)) }
}

fn set_pincfg(gpio: u8, cfg: u8) {
    let addr = (PORT_BASE + (gpio as usize / 32) * 0x80 + PINCFG + gpio as usize % 32) as *mut u8;
    // SAFETY: the pin's own PINCFG byte (gpio < 64, not a reserved pin).
    unsafe { write_volatile(addr, cfg) }
}

fn read_in(gpio: u8) -> bool {
    // SAFETY: reading the IN register of an existing group has no effect.
    unsafe { read_volatile(group_reg(gpio, IN)) & bit(gpio) != 0 }
}

// ------------------------------------------------------------------- Pin

const MODE_IN: isize = 0;
const MODE_OUT: isize = 1;
const PULL_UP: isize = 1;
const PULL_DOWN: isize = 2;

/// The GPIO number a `Pin` id names.
fn gpio_of(vm: &Vm, id: Obj) -> PyResult<u8> {
    let gpio = if let Some(name) = pystr::as_str(id) {
        let upper = name.to_ascii_uppercase();
        match PINS.iter().find(|(n, _)| *n == upper) {
            Some(&(_, g)) => Some(g),
            None => parse_mcu_name(&upper),
        }
    } else {
        match abs::index_isize(vm, id)? {
            n @ 0..=13 => Some(PINS[n as usize].1),
            n @ 14..=19 => Some(PINS[n as usize].1),
            40 => Some(pb(22)),
            _ => None,
        }
    };
    match gpio {
        Some(g) if !RESERVED.contains(&g) => Ok(g),
        _ => {
            let r = abs::repr(vm, id)?;
            let text = pystr::as_str(r).unwrap_or("?");
            Err(vm.value_error(&format!("invalid pin: {}", text)))
        }
    }
}

/// `"PA16"` / `"PB22"`: the MCU's own pin names (the J19 has ports A, B).
fn parse_mcu_name(name: &str) -> Option<u8> {
    let rest = name.strip_prefix('P')?;
    let group = match rest.as_bytes().first()? {
        b'A' => 0,
        b'B' => 32,
        _ => return None,
    };
    let n: u8 = rest[1..].parse().ok()?;
    (n < 32).then_some(group + n)
}

/// The GPIO number kept in a `Pin` instance.
fn pin_gpio(vm: &Vm, pin: Obj) -> PyResult<u8> {
    let g = abs::getattr_str(vm, pin, "_gpio")?;
    match g.as_small() {
        Some(n @ 0..=63) => Ok(n as u8),
        _ => Err(vm.value_error("Pin: not initialised")),
    }
}

fn opt_int(vm: &Vm, o: Option<Obj>, default: isize) -> PyResult<isize> {
    match o {
        Some(v) if !v.is_none() => abs::index_isize(vm, v),
        _ => Ok(default),
    }
}

/// Configure a pin: `mode` -1 leaves the direction alone, `pull` -1 leaves
/// the pull alone (0 or None: no pull), `value` sets the output first.
fn configure(vm: &Vm, gpio: u8, mode: isize, pull: Option<Obj>, value: Option<Obj>) -> PyResult<()> {
    if let Some(v) = value.filter(|v| !v.is_none()) {
        set_value(gpio, abs::truthy(vm, v)?);
    }
    let pull = match pull {
        None => -1,
        Some(p) if p.is_none() => 0,
        Some(p) => abs::index_isize(vm, p)?,
    };
    match mode {
        -1 => {}
        MODE_IN => strobe(gpio, DIRCLR),
        MODE_OUT => strobe(gpio, DIRSET),
        _ => return Err(vm.value_error("Pin: mode must be Pin.IN or Pin.OUT")),
    }
    match pull {
        -1 => set_pincfg(gpio, PINCFG_INEN),
        0 => set_pincfg(gpio, PINCFG_INEN),
        PULL_UP | PULL_DOWN => {
            // A pull is the output latch's level through the pull resistor.
            set_value(gpio, pull == PULL_UP);
            set_pincfg(gpio, PINCFG_INEN | PINCFG_PULLEN);
        }
        _ => return Err(vm.value_error("Pin: pull must be None, Pin.PULL_UP or Pin.PULL_DOWN")),
    }
    Ok(())
}

fn set_value(gpio: u8, on: bool) {
    strobe(gpio, if on { OUTSET } else { OUTCLR });
}

/// `Pin(id, mode=-1, pull=-1, *, value=None)`.
fn pin_init_new(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [this, id, mode, pull, value] =
        args.bind(vm, "Pin", ["self", "id", "mode", "pull", "value"], 2)?;
    let this = this.unwrap_or(none());
    let gpio = gpio_of(vm, id.unwrap_or(none()))?;
    let name = match id.and_then(pystr::as_str) {
        Some(n) => vm.new_string(n.to_ascii_uppercase())?,
        None => match PINS.iter().find(|(_, g)| *g == gpio) {
            Some((n, _)) => vm.new_str(n)?,
            None => vm.new_str("?")?,
        },
    };
    abs::setattr(vm, this, vm.intern("_gpio")?, Some(Obj::small(gpio as isize)))?;
    abs::setattr(vm, this, vm.intern("_name")?, Some(name))?;
    let pull = if pull.is_none() && mode.is_some() { None } else { pull };
    configure(vm, gpio, opt_int(vm, mode, -1)?, pull, value)?;
    Ok(none())
}

/// `pin.init(mode=-1, pull=-1, *, value=None)`.
fn pin_init(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let [this, mode, pull, value] = args.bind(vm, "init", ["self", "mode", "pull", "value"], 1)?;
    let gpio = pin_gpio(vm, this.unwrap_or(none()))?;
    configure(vm, gpio, opt_int(vm, mode, -1)?, pull, value)?;
    Ok(none())
}

/// `pin.value([x])`: read the pin, or set its output.
fn pin_value(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "value", 1, 2)?;
    let gpio = pin_gpio(vm, args.pos[0])?;
    match args.pos.get(1) {
        None => Ok(Obj::small(read_in(gpio) as isize)),
        Some(&v) => {
            set_value(gpio, abs::truthy(vm, v)?);
            Ok(none())
        }
    }
}

fn pin_on(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "on", 1, 1)?;
    set_value(pin_gpio(vm, args.pos[0])?, true);
    Ok(none())
}

fn pin_off(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "off", 1, 1)?;
    set_value(pin_gpio(vm, args.pos[0])?, false);
    Ok(none())
}

fn pin_toggle(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "toggle", 1, 1)?;
    strobe(pin_gpio(vm, args.pos[0])?, OUTTGL);
    Ok(none())
}

fn pin_repr(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "__repr__", 1, 1)?;
    let name = abs::getattr_str(vm, args.pos[0], "_name")?;
    let text = pystr::as_str(name).unwrap_or("?");
    vm.new_string(format!("Pin(\"{}\")", text))
}

static PIN_METHODS: [AttrEntry; 8] = [
    method!("__init__", pin_init_new),
    method!("init", pin_init),
    method!("value", pin_value),
    method!("__call__", pin_value),
    method!("on", pin_on),
    method!("off", pin_off),
    method!("toggle", pin_toggle),
    method!("__repr__", pin_repr),
];

// -------------------------------------------------------------- functions

fn m_freq(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "freq", 0, 1)?;
    if let Some(&f) = args.pos.first() {
        if abs::index_isize(vm, f)? != CPU_HZ as isize {
            return Err(vm.value_error("freq: the Metro M4 runs at 120 MHz only"));
        }
        return Ok(none());
    }
    int::new_i64(vm, CPU_HZ as i64)
}

fn m_reset(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "reset", 0, 0)?;
    crate::reset()
}

/// `soft_reset()`: a SystemExit, which the REPL turns into a soft reset.
fn m_soft_reset(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "soft_reset", 0, 0)?;
    let e = call::call(vm, ferropy_core::obj::exc::SYSTEM_EXIT.as_obj(), &[])?;
    Err(vm.raise(e))
}

/// `unique_id()`: the SAMD51's 128-bit serial number (four words in the
/// NVM's user area, datasheet 9.6).
fn m_unique_id(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "unique_id", 0, 0)?;
    let mut id = [0u8; 16];
    for (k, addr) in [0x0080_61fcusize, 0x0080_6010, 0x0080_6014, 0x0080_6018]
        .iter()
        .enumerate()
    {
        // SAFETY: the serial number words are readable flash locations of
        // every SAMD51.
        let w = unsafe { read_volatile(*addr as *const u32) };
        id[k * 4..k * 4 + 4].copy_from_slice(&w.to_be_bytes());
    }
    ferropy_core::obj::bytes::new(vm, &id)
}

/// `bitstream(pin, encoding, timing, buf)`: encoding 0 only (MicroPython's
/// "high/low time" encoding, used for WS2812 LEDs): each bit of `buf`,
/// most significant first, is sent as a high pulse then a low pulse, of
/// `timing = (high0, low0, high1, low1)` nanoseconds.
fn m_bitstream(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "bitstream", 4, 4)?;
    let gpio = pin_gpio(vm, args.pos[0])?;
    if abs::index_isize(vm, args.pos[1])? != 0 {
        return Err(vm.value_error("bitstream: only encoding 0 is supported"));
    }
    let timing = args.pos[2];
    if !tuple::is_tuple(timing) || tuple::tuple_items(timing).len() != 4 {
        return Err(vm.type_error("bitstream: timing must be a tuple of 4 ints"));
    }
    let t = tuple::tuple_items(timing);
    let mut cycles = [0u32; 4];
    for (c, &ns) in cycles.iter_mut().zip(t.iter()) {
        let ns = abs::index_isize(vm, ns)?.clamp(0, 1_000_000) as u32;
        *c = ns * (CPU_HZ / 1_000_000) / 1000;
    }
    let buf = ferropy_core::obj::bytes::buffer_of(args.pos[3])
        .ok_or_else(|| vm.type_error("bitstream: buf must be bytes-like"))?;
    send_bits(gpio, cycles, buf);
    Ok(none())
}

/// The cycle counter (DWT CYCCNT, enabled by `main`).
#[inline(always)]
fn cycles() -> u32 {
    // SAFETY: DWT CYCCNT is a read-only-in-effect counter register.
    unsafe { read_volatile(0xE000_1004 as *const u32) }
}

/// Send `buf` on `gpio` (an output) with interrupts masked: high pulses of
/// `t[0]`/`t[2]` cycles and low pulses of `t[1]`/`t[3]` for 0/1 bits.
/// Deadlines are measured on the cycle counter from the start of each bit,
/// so code-fetch delays shorter than a pulse do not add up.
fn send_bits(gpio: u8, t: [u32; 4], buf: &[u8]) {
    let set = group_reg(gpio, OUTSET);
    let clr = group_reg(gpio, OUTCLR);
    let mask = bit(gpio);
    cortex_m::interrupt::free(|_| {
        for &byte in buf {
            for k in (0..8).rev() {
                let (high, low) = if byte >> k & 1 != 0 {
                    (t[2], t[3])
                } else {
                    (t[0], t[1])
                };
                let start = cycles();
                // SAFETY: the pin's own set/clear registers (see `strobe`).
                unsafe { write_volatile(set, mask) };
                while cycles().wrapping_sub(start) < high {}
                // SAFETY: as above.
                unsafe { write_volatile(clr, mask) };
                while cycles().wrapping_sub(start) < high + low {}
            }
        }
    });
}

static MACHINE_FUNCS: [AttrEntry; 5] = [
    function!("freq", m_freq),
    function!("reset", m_reset),
    function!("soft_reset", m_soft_reset),
    function!("unique_id", m_unique_id),
    function!("bitstream", m_bitstream),
];

/// Build the `machine` module.
pub fn make(vm: &Vm) -> PyResult<Obj> {
    let m = module::new(vm, "machine")?;
    let d = module::dict_of(m);
    for e in MACHINE_FUNCS.iter() {
        dict::set_str(vm, d, e.name, e.obj.get())?;
    }
    // `class Pin` made by calling `type(name, bases, namespace)`.
    let ns = dict::new(vm)?;
    dict::set_str(vm, ns, "__module__", vm.new_str("machine")?)?;
    for e in PIN_METHODS.iter() {
        dict::set_str(vm, ns, e.name, e.obj.get())?;
    }
    for (name, v) in [
        ("IN", MODE_IN),
        ("OUT", MODE_OUT),
        ("PULL_UP", PULL_UP),
        ("PULL_DOWN", PULL_DOWN),
    ] {
        dict::set_str(vm, ns, name, Obj::small(v))?;
    }
    let bases = tuple::new(vm, &[])?;
    let pin = call::call(
        vm,
        ferropy_core::obj::typeobj::TYPE_TYPE.as_obj(),
        &[vm.new_str("Pin")?, bases, ns],
    )?;
    dict::set_str(vm, d, "Pin", pin)?;
    Ok(m)
}
