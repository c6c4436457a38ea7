//! The `time` module: CPython's clocks, `sleep`, and UTC calendar
//! conversions (there is no time-zone database: `localtime` is `gmtime`),
//! plus MicroPython's `ticks_*`/`sleep_ms`/`sleep_us`.

use crate::builtins::extra::{noargs, one, unpack};
use crate::obj::attr::AttrEntry;
use crate::obj::{dict, float, int, module, none, str as pystr, tuple, Args, Obj, TypeObj};
use crate::vm::{abs, PyResult, Vm};
use crate::{function, ss_fields};
use alloc::format;
use alloc::string::String;

/// MicroPython's tick counters wrap at 2^30.
const TICKS_PERIOD: i64 = 1 << 30;

static STRUCT_TIME_FIELDS: [AttrEntry; 9] = ss_fields![
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
    "tm_isdst",
];
/// `time.struct_time`.
#[cfg_attr(
    target_os = "none",
    allow(unsafe_code),
    link_section = ".rodata.ferropy_types"
)]
pub static STRUCT_TIME_TYPE: TypeObj =
    super::sys::structseq("time.struct_time", &STRUCT_TIME_FIELDS);

/// Seconds since the epoch (or since boot if the port has no clock).
fn now(vm: &Vm) -> f64 {
    vm.port
        .time()
        .unwrap_or_else(|| vm.port.ticks_ms() as f64 / 1000.0)
}

fn t_time(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "time.time")?;
    float::new(vm, now(vm))
}
fn t_time_ns(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "time.time_ns")?;
    int::new_i64(vm, (now(vm) * 1e9) as i64)
}
fn t_monotonic(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "time.monotonic")?;
    float::new(vm, vm.port.ticks_us() as f64 / 1e6)
}
fn t_monotonic_ns(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "time.monotonic_ns")?;
    int::new_i64(vm, (vm.port.ticks_us() as i64).saturating_mul(1000))
}

/// Sleep `us` microseconds: whole milliseconds through the port, the rest
/// by polling the microsecond clock.
fn sleep_us_raw(vm: &Vm, us: u64) {
    let start = vm.port.ticks_us();
    if us >= 1000 {
        vm.port.sleep_ms(us / 1000);
    }
    while vm.port.ticks_us().wrapping_sub(start) < us {
        core::hint::spin_loop();
    }
}

fn t_sleep(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let o = one(vm, args, "time.sleep")?;
    let secs = match float::to_f64(vm, o)? {
        Some(f) => f,
        None => abs::index_isize(vm, o)? as f64,
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if secs > 9.2e12 {
        return Err(vm.overflow_error("sleep length is too large"));
    }
    sleep_us_raw(vm, (secs * 1e6) as u64);
    Ok(none())
}

fn int_arg(vm: &Vm, args: &Args, name: &str, n: usize) -> PyResult<i64> {
    args.check(vm, name, n, n)?;
    Ok(abs::index_isize(vm, args.pos[0])? as i64)
}

fn t_sleep_ms(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let ms = int_arg(vm, args, "sleep_ms", 1)?;
    if ms > 0 {
        vm.port.sleep_ms(ms as u64);
    }
    Ok(none())
}
fn t_sleep_us(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let us = int_arg(vm, args, "sleep_us", 1)?;
    if us > 0 {
        sleep_us_raw(vm, us as u64);
    }
    Ok(none())
}
fn t_ticks_ms(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "time.ticks_ms")?;
    Ok(Obj::small(
        (vm.port.ticks_ms() as i64 & (TICKS_PERIOD - 1)) as isize,
    ))
}
fn t_ticks_us(vm: &Vm, args: &Args) -> PyResult<Obj> {
    noargs(vm, args, "time.ticks_us")?;
    Ok(Obj::small(
        (vm.port.ticks_us() as i64 & (TICKS_PERIOD - 1)) as isize,
    ))
}
fn two_ints(vm: &Vm, args: &Args, name: &str) -> PyResult<(i64, i64)> {
    args.check(vm, name, 2, 2)?;
    Ok((
        abs::index_isize(vm, args.pos[0])? as i64,
        abs::index_isize(vm, args.pos[1])? as i64,
    ))
}
fn t_ticks_add(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (t, d) = two_ints(vm, args, "ticks_add")?;
    if !(-TICKS_PERIOD / 2..TICKS_PERIOD / 2).contains(&d) {
        return Err(vm.overflow_error("ticks interval overflow"));
    }
    Ok(Obj::small(
        (t.wrapping_add(d) & (TICKS_PERIOD - 1)) as isize,
    ))
}
fn t_ticks_diff(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let (a, b) = two_ints(vm, args, "ticks_diff")?;
    let half = TICKS_PERIOD / 2;
    Ok(Obj::small(
        ((a.wrapping_sub(b).wrapping_add(half) & (TICKS_PERIOD - 1)) - half) as isize,
    ))
}

// ---------------------------------------------------------------- calendar

/// Days since 1970-01-01 of a proleptic Gregorian date (any `d`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468
}

/// `(year, month, day)` of a day number.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + (m <= 2) as i64, m, d)
}

/// Broken-down UTC time of `secs`.
fn tm_from_secs(secs: i64) -> [i64; 9] {
    let days = secs.div_euclid(86400);
    let rem = secs.rem_euclid(86400);
    let (y, m, d) = civil_from_days(days);
    let yday = days - days_from_civil(y, 1, 1) + 1;
    [
        y,
        m,
        d,
        rem / 3600,
        rem / 60 % 60,
        rem % 60,
        (days + 3).rem_euclid(7),
        yday,
        0,
    ]
}

/// `gmtime`/`localtime` argument: None (now) or seconds, floored.
fn secs_arg(vm: &Vm, args: &Args, name: &str) -> PyResult<i64> {
    args.check(vm, name, 0, 1)?;
    let f = match args.pos.first().filter(|o| !o.is_none()) {
        None => now(vm),
        Some(o) => match float::as_f64_exact(*o) {
            Some(f) => f,
            None => int::to_i64(abs::index(vm, *o)?).map_or(f64::INFINITY, |v| v as f64),
        },
    };
    check_secs(vm, f)?;
    Ok(libm::floor(f) as i64)
}

fn check_secs(vm: &Vm, f: f64) -> PyResult<()> {
    if f.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if !(-6.7e16..6.7e16).contains(&f) {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(())
}

fn struct_time(vm: &Vm, tm: &[i64; 9]) -> PyResult<Obj> {
    let t = tuple::alloc(vm, &STRUCT_TIME_TYPE, 9)?;
    for (i, v) in tm.iter().enumerate() {
        tuple::set_item(t, i, int::new_i64(vm, *v)?);
    }
    Ok(t)
}

fn t_gmtime(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let s = secs_arg(vm, args, "gmtime")?;
    struct_time(vm, &tm_from_secs(s))
}
fn t_localtime(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let s = secs_arg(vm, args, "localtime")?;
    struct_time(vm, &tm_from_secs(s))
}

/// A 9-item time tuple (or the current time when absent/None).
fn tm_arg(vm: &Vm, o: Option<Obj>, name: &str) -> PyResult<[i64; 9]> {
    let Some(o) = o.filter(|o| !o.is_none()) else {
        return Ok(tm_from_secs(libm::floor(now(vm)) as i64));
    };
    if !tuple::is_tuple(o) {
        return Err(vm.type_error("Tuple or struct_time argument required"));
    }
    let items = tuple::tuple_items(o);
    if items.len() != 9 {
        return Err(vm.type_error(&format!("{}(): illegal time tuple argument", name)));
    }
    let mut tm = [0i64; 9];
    for (d, s) in tm.iter_mut().zip(items) {
        *d = abs::index_isize(vm, *s)? as i64;
    }
    Ok(tm)
}

/// CPython's range checks for `strftime`/`asctime` (0 means 1 for the
/// month, day and day of year).
fn check_tm(vm: &Vm, tm: &mut [i64; 9]) -> PyResult<()> {
    for i in [1, 2, 7] {
        if tm[i] == 0 {
            tm[i] = 1;
        }
    }
    let limits: [(usize, i64, i64, &str); 6] = [
        (1, 1, 12, "month"),
        (2, 1, 31, "day of month"),
        (3, 0, 23, "hour"),
        (4, 0, 59, "minute"),
        (5, 0, 61, "seconds"),
        (7, 1, 366, "day of year"),
    ];
    for (i, lo, hi, what) in limits {
        if tm[i] < lo || tm[i] > hi {
            return Err(vm.value_error(&format!("{} out of range", what)));
        }
    }
    // Python's Monday=0 becomes C's Sunday=0 first, with C's remainder.
    let wday = (tm[6] + 1) % 7;
    if wday < 0 {
        return Err(vm.value_error("day of week out of range"));
    }
    tm[6] = (wday + 6) % 7;
    Ok(())
}

fn t_mktime(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let tm = tm_arg(vm, Some(one(vm, args, "time.mktime")?), "mktime")?;
    let m0 = tm[1] - 1;
    let days = days_from_civil(tm[0] + m0.div_euclid(12), m0.rem_euclid(12) + 1, tm[2]);
    float::new(
        vm,
        (days * 86400 + tm[3] * 3600 + tm[4] * 60 + tm[5]) as f64,
    )
}

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Expand a strftime format for `tm` (already range-checked).
fn strftime(fmt: &str, tm: &[i64; 9], out: &mut String) {
    let day = DAYS[tm[6].rem_euclid(7) as usize];
    let mon = MONTHS[(tm[1] - 1).clamp(0, 11) as usize];
    let mut it = fmt.chars();
    while let Some(c) = it.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = it.next() else {
            out.push('%');
            break;
        };
        let h12 = if tm[3] % 12 == 0 { 12 } else { tm[3] % 12 };
        let s = match d {
            'a' => String::from(&day[..3]),
            'A' => String::from(day),
            'b' | 'h' => String::from(&mon[..3]),
            'B' => String::from(mon),
            'c' => {
                strftime("%a %b %e %H:%M:%S %Y", tm, out);
                continue;
            }
            'C' => format!("{:02}", tm[0].div_euclid(100)),
            'd' => format!("{:02}", tm[2]),
            'D' | 'x' => format!("{:02}/{:02}/{:02}", tm[1], tm[2], tm[0].rem_euclid(100)),
            'e' => format!("{:2}", tm[2]),
            'H' => format!("{:02}", tm[3]),
            'I' => format!("{:02}", h12),
            'j' => format!("{:03}", tm[7]),
            'm' => format!("{:02}", tm[1]),
            'M' => format!("{:02}", tm[4]),
            'n' => String::from("\n"),
            't' => String::from("\t"),
            'p' => String::from(if tm[3] < 12 { "AM" } else { "PM" }),
            'R' => format!("{:02}:{:02}", tm[3], tm[4]),
            'S' => format!("{:02}", tm[5]),
            'T' | 'X' => format!("{:02}:{:02}:{:02}", tm[3], tm[4], tm[5]),
            'u' => format!("{}", tm[6] + 1),
            'w' => format!("{}", (tm[6] + 1) % 7),
            'U' => format!("{:02}", (tm[7] - 1 + 7 - (tm[6] + 1) % 7) / 7),
            'W' => format!("{:02}", (tm[7] - 1 + 7 - tm[6]) / 7),
            'y' => format!("{:02}", tm[0].rem_euclid(100)),
            'Y' => format!("{}", tm[0]),
            'z' => String::from("+0000"),
            'Z' => String::from("UTC"),
            '%' => String::from("%"),
            other => format!("%{}", other),
        };
        out.push_str(&s);
    }
}

fn t_strftime(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "strftime", 1, 2)?;
    let f = args.pos[0];
    let fmt = pystr::as_str(f).ok_or_else(|| {
        vm.type_error(&format!(
            "strftime() argument 1 must be str, not {}",
            f.ty().name()
        ))
    })?;
    let mut tm = tm_arg(vm, args.pos.get(1).copied(), "strftime")?;
    check_tm(vm, &mut tm)?;
    let mut out = String::new();
    strftime(fmt, &tm, &mut out);
    vm.new_string(out)
}

fn asctime_of(vm: &Vm, mut tm: [i64; 9]) -> PyResult<Obj> {
    check_tm(vm, &mut tm)?;
    let mut out = String::new();
    strftime("%c", &tm, &mut out);
    vm.new_string(out)
}
fn t_asctime(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let tm = tm_arg(
        vm,
        unpack(vm, args, "asctime", 0, 1)?.first().copied(),
        "asctime",
    )?;
    asctime_of(vm, tm)
}
fn t_ctime(vm: &Vm, args: &Args) -> PyResult<Obj> {
    let s = secs_arg(vm, args, "ctime")?;
    asctime_of(vm, tm_from_secs(s))
}

static TIME_FUNCS: [AttrEntry; 21] = [
    function!("time", t_time),
    function!("time_ns", t_time_ns),
    function!("monotonic", t_monotonic),
    function!("monotonic_ns", t_monotonic_ns),
    function!("perf_counter", t_monotonic),
    function!("perf_counter_ns", t_monotonic_ns),
    function!("sleep", t_sleep),
    function!("sleep_ms", t_sleep_ms),
    function!("sleep_us", t_sleep_us),
    function!("ticks_ms", t_ticks_ms),
    function!("ticks_us", t_ticks_us),
    function!("ticks_add", t_ticks_add),
    function!("ticks_diff", t_ticks_diff),
    function!("gmtime", t_gmtime),
    function!("localtime", t_localtime),
    function!("mktime", t_mktime),
    function!("strftime", t_strftime),
    function!("asctime", t_asctime),
    function!("ctime", t_ctime),
    crate::constant!("struct_time", STRUCT_TIME_TYPE),
    function!("ticks_cpu", t_ticks_us),
];

/// Build the `time` module.
pub fn make(vm: &Vm) -> PyResult<Obj> {
    let m = super::gc::module_from(vm, "time", &TIME_FUNCS)?;
    let d = module::dict_of(m);
    dict::set_str(vm, d, "timezone", Obj::small(0))?;
    dict::set_str(vm, d, "altzone", Obj::small(0))?;
    dict::set_str(vm, d, "daylight", Obj::small(0))?;
    let utc = vm.new_str("UTC")?;
    dict::set_str(vm, d, "tzname", tuple::new(vm, &[utc, utc])?)?;
    Ok(m)
}
