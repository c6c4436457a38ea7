//! `_net`: thin wrappers over the Linux socket and poll system calls, on
//! plain file descriptors. The `socket` and `select` modules (Python, in
//! `socket.py`/`select.py` next to this file) are built on it.
//!
//! Addresses are CPython's: `(host, port)` for AF_INET, `(host, port,
//! flowinfo, scope_id)` for AF_INET6 (2 to 4 items accepted), a path (str or
//! bytes) for AF_UNIX. Hosts must be numeric here (`''` is the wildcard
//! address, `'<broadcast>'` the broadcast address): `socket.py` resolves
//! names with `getaddrinfo` first. Failed calls raise OSError subclasses with
//! the errno and the C library's message, as CPython does.

use ferropy_core::obj::attr::AttrEntry;
use ferropy_core::obj::{bytes, dict, exc, int, list, module, none, py_bool, str as pystr, tuple};
use ferropy_core::obj::{Args, Obj};
use ferropy_core::vm::{PyResult, Vm};
use std::mem::{size_of, zeroed};

/// Raise the OSError subclass CPython uses for `e` ([Errno e] message).
fn os_err(vm: &Vm, e: i32) -> ferropy_core::vm::Raised {
    let ty = match e {
        libc::EINPROGRESS | libc::EALREADY => &exc::BLOCKING_IO_ERROR,
        libc::ESHUTDOWN => &exc::BROKEN_PIPE_ERROR,
        _ => exc::os_error_type(e),
    };
    // SAFETY: strerror returns a NUL-terminated static message.
    let msg = unsafe { std::ffi::CStr::from_ptr(libc::strerror(e)) }
        .to_string_lossy()
        .into_owned();
    let r = vm
        .new_str(&msg)
        .and_then(|m| exc::new_exception_raw(vm, ty, &[Obj::small(e as isize), m]));
    match r {
        Ok(x) => vm.raise(x),
        Err(r) => r,
    }
}

fn errno() -> i32 {
    std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EIO)
}

fn int_arg(vm: &Vm, args: &Args, i: usize) -> PyResult<i64> {
    let o = *args
        .pos
        .get(i)
        .ok_or_else(|| vm.type_error("_net: missing argument"))?;
    if o.is(py_bool(true)) {
        return Ok(1);
    }
    if o.is(py_bool(false)) {
        return Ok(0);
    }
    int::to_i64(o).ok_or_else(|| {
        vm.type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            o.ty().name
        ))
    })
}

fn fd_arg(vm: &Vm, args: &Args, i: usize) -> PyResult<i32> {
    let v = int_arg(vm, args, i)?;
    i32::try_from(v).map_err(|_| vm.new_error(&exc::OVERFLOW_ERROR, "fd is out of range"))
}

/// A socket address in C form.
struct SockAddr {
    st: libc::sockaddr_storage,
    len: libc::socklen_t,
}

impl SockAddr {
    fn new() -> SockAddr {
        // SAFETY: sockaddr_storage is plain data; all zeroes is valid.
        SockAddr {
            st: unsafe { zeroed() },
            len: size_of::<libc::sockaddr_storage>() as libc::socklen_t,
        }
    }
    fn ptr(&self) -> *const libc::sockaddr {
        &self.st as *const libc::sockaddr_storage as *const libc::sockaddr
    }
    fn mut_ptr(&mut self) -> *mut libc::sockaddr {
        &mut self.st as *mut libc::sockaddr_storage as *mut libc::sockaddr
    }
}

fn family_name(family: i32) -> &'static str {
    match family {
        libc::AF_INET => "AF_INET",
        libc::AF_INET6 => "AF_INET6",
        _ => "AF_UNIX",
    }
}

fn port_of(vm: &Vm, o: Obj, fname: &str) -> PyResult<u16> {
    let v = int::to_i64(o).ok_or_else(|| {
        vm.type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            o.ty().name
        ))
    })?;
    u16::try_from(v).map_err(|_| {
        vm.new_error(
            &exc::OVERFLOW_ERROR,
            &format!("{}(): port must be 0-65535.", fname),
        )
    })
}

fn parse_v4(host: &str) -> Option<[u8; 4]> {
    match host {
        "" => Some([0; 4]),
        "<broadcast>" => Some([255; 4]),
        _ => host.parse::<std::net::Ipv4Addr>().ok().map(|a| a.octets()),
    }
}

fn parse_v6(host: &str) -> Option<[u8; 16]> {
    if host.is_empty() {
        return Some([0; 16]);
    }
    // A `%scope` suffix is not supported by the numeric parser: drop it.
    let h = host.split('%').next().unwrap_or(host);
    h.parse::<std::net::Ipv6Addr>().ok().map(|a| a.octets())
}

/// Python address -> C address for `family`.
fn to_sockaddr(vm: &Vm, family: i32, addr: Obj, fname: &str) -> PyResult<SockAddr> {
    let mut sa = SockAddr::new();
    match family {
        libc::AF_INET | libc::AF_INET6 => {
            if !tuple::is_tuple(addr) {
                return Err(vm.type_error(&format!(
                    "{}(): {} address must be tuple, not {}",
                    fname,
                    family_name(family),
                    addr.ty().name
                )));
            }
            let items = tuple::tuple_items(addr);
            let ok_len = if family == libc::AF_INET {
                items.len() == 2
            } else {
                (2..=4).contains(&items.len())
            };
            if !ok_len {
                return Err(vm.type_error(&format!(
                    "{} address must be a pair (host, port)",
                    family_name(family)
                )));
            }
            let host = pystr::as_str(items[0]).ok_or_else(|| {
                vm.type_error(&format!(
                    "str, bytes or bytearray expected, not {}",
                    items[0].ty().name
                ))
            })?;
            let port = port_of(vm, items[1], fname)?;
            let bad = || os_err_msg(vm, -2, "Name or service not known (numeric host expected)");
            if family == libc::AF_INET {
                let a = parse_v4(host).ok_or_else(bad)?;
                // SAFETY: the storage is large enough for a sockaddr_in.
                let sin = unsafe { &mut *(sa.mut_ptr() as *mut libc::sockaddr_in) };
                sin.sin_family = libc::AF_INET as libc::sa_family_t;
                sin.sin_port = port.to_be();
                sin.sin_addr.s_addr = u32::from_ne_bytes(a);
                sa.len = size_of::<libc::sockaddr_in>() as libc::socklen_t;
            } else {
                let a = parse_v6(host).ok_or_else(bad)?;
                let flow = match items.get(2) {
                    Some(o) => int::to_i64(*o).unwrap_or(0) as u32,
                    None => 0,
                };
                let scope = match items.get(3) {
                    Some(o) => int::to_i64(*o).unwrap_or(0) as u32,
                    None => 0,
                };
                // SAFETY: the storage is large enough for a sockaddr_in6.
                let sin = unsafe { &mut *(sa.mut_ptr() as *mut libc::sockaddr_in6) };
                sin.sin6_family = libc::AF_INET6 as libc::sa_family_t;
                sin.sin6_port = port.to_be();
                sin.sin6_addr.s6_addr = a;
                sin.sin6_flowinfo = flow;
                sin.sin6_scope_id = scope;
                sa.len = size_of::<libc::sockaddr_in6>() as libc::socklen_t;
            }
        }
        libc::AF_UNIX => {
            let path: &[u8] = if let Some(s) = pystr::as_str(addr) {
                s.as_bytes()
            } else if let Some(b) = bytes::buffer_of(addr) {
                b
            } else {
                return Err(vm.type_error(&format!(
                    "a bytes-like object is required, not '{}'",
                    addr.ty().name
                )));
            };
            // SAFETY: the storage is large enough for a sockaddr_un.
            let sun = unsafe { &mut *(sa.mut_ptr() as *mut libc::sockaddr_un) };
            if path.len() >= sun.sun_path.len() {
                return Err(vm.new_error(&exc::OS_ERROR, "AF_UNIX path too long"));
            }
            sun.sun_family = libc::AF_UNIX as libc::sa_family_t;
            for (d, s) in sun.sun_path.iter_mut().zip(path) {
                *d = *s as libc::c_char;
            }
            let base = size_of::<libc::sa_family_t>();
            // Abstract names (leading NUL) have no terminator.
            let extra = if path.first() == Some(&0) { 0 } else { 1 };
            sa.len = (base + path.len() + extra) as libc::socklen_t;
        }
        _ => {
            return Err(vm.new_error(&exc::OS_ERROR, "address family not supported"));
        }
    }
    Ok(sa)
}

fn os_err_msg(vm: &Vm, code: i32, msg: &str) -> ferropy_core::vm::Raised {
    let r = vm
        .new_str(msg)
        .and_then(|m| exc::new_exception_raw(vm, &exc::OS_ERROR, &[Obj::small(code as isize), m]));
    match r {
        Ok(x) => vm.raise(x),
        Err(r) => r,
    }
}

/// C address -> Python address.
fn from_sockaddr(vm: &Vm, sa: &SockAddr) -> PyResult<Obj> {
    match sa.st.ss_family as i32 {
        libc::AF_INET => {
            // SAFETY: the family says this is a sockaddr_in.
            let sin = unsafe { &*(sa.ptr() as *const libc::sockaddr_in) };
            let ip = std::net::Ipv4Addr::from(sin.sin_addr.s_addr.to_ne_bytes());
            let h = vm.new_str(&ip.to_string())?;
            tuple::new(vm, &[h, Obj::small(u16::from_be(sin.sin_port) as isize)])
        }
        libc::AF_INET6 => {
            // SAFETY: the family says this is a sockaddr_in6.
            let sin = unsafe { &*(sa.ptr() as *const libc::sockaddr_in6) };
            let ip = std::net::Ipv6Addr::from(sin.sin6_addr.s6_addr);
            let h = vm.new_str(&ip.to_string())?;
            tuple::new(
                vm,
                &[
                    h,
                    Obj::small(u16::from_be(sin.sin6_port) as isize),
                    int::new_i64(vm, sin.sin6_flowinfo as i64)?,
                    int::new_i64(vm, sin.sin6_scope_id as i64)?,
                ],
            )
        }
        libc::AF_UNIX => {
            // SAFETY: the family says this is a sockaddr_un.
            let sun = unsafe { &*(sa.ptr() as *const libc::sockaddr_un) };
            let base = size_of::<libc::sa_family_t>();
            let n = (sa.len as usize)
                .saturating_sub(base)
                .min(sun.sun_path.len());
            let raw: Vec<u8> = sun.sun_path[..n].iter().map(|c| *c as u8).collect();
            if raw.first() == Some(&0) {
                // Abstract namespace: bytes, as CPython.
                return bytes::new(vm, &raw);
            }
            let end = raw.iter().position(|c| *c == 0).unwrap_or(raw.len());
            vm.new_str(&String::from_utf8_lossy(&raw[..end]))
        }
        _ => Ok(none()),
    }
}

fn n_socket(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "socket", 3, 3)?;
    let (f, t, p) = (
        int_arg(vm, args, 0)? as i32,
        int_arg(vm, args, 1)? as i32,
        int_arg(vm, args, 2)? as i32,
    );
    // SAFETY: socket only takes integers.
    let fd = unsafe { libc::socket(f, t | libc::SOCK_CLOEXEC, p) };
    if fd < 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(Obj::small(fd as isize))
}

fn n_socketpair(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "socketpair", 3, 3)?;
    let mut fds = [0i32; 2];
    // SAFETY: socketpair writes two descriptors into `fds`.
    let r = unsafe {
        libc::socketpair(
            int_arg(vm, args, 0)? as i32,
            int_arg(vm, args, 1)? as i32 | libc::SOCK_CLOEXEC,
            int_arg(vm, args, 2)? as i32,
            fds.as_mut_ptr(),
        )
    };
    if r < 0 {
        return Err(os_err(vm, errno()));
    }
    tuple::new(
        vm,
        &[Obj::small(fds[0] as isize), Obj::small(fds[1] as isize)],
    )
}

fn n_close(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "close", 1, 1)?;
    // SAFETY: closing a descriptor the caller owns.
    if unsafe { libc::close(fd_arg(vm, args, 0)?) } < 0 {
        let e = errno();
        // CPython ignores ECONNRESET on close.
        if e != libc::ECONNRESET {
            return Err(os_err(vm, e));
        }
    }
    Ok(none())
}

fn n_dup(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "dup", 1, 1)?;
    // SAFETY: fcntl(F_DUPFD_CLOEXEC) only uses integers.
    let fd = unsafe { libc::fcntl(fd_arg(vm, args, 0)?, libc::F_DUPFD_CLOEXEC, 0) };
    if fd < 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(Obj::small(fd as isize))
}

fn n_bind(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "bind", 3, 3)?;
    let sa = to_sockaddr(vm, int_arg(vm, args, 1)? as i32, args.pos[2], "bind")?;
    // SAFETY: `sa` holds a valid address of `sa.len` bytes.
    if unsafe { libc::bind(fd_arg(vm, args, 0)?, sa.ptr(), sa.len) } < 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(none())
}

/// connect(fd, family, addr, ex): with `ex` true the errno is returned
/// (0 on success) instead of raised.
fn n_connect(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "connect", 4, 4)?;
    let ex = int_arg(vm, args, 3)? != 0;
    let sa = to_sockaddr(
        vm,
        int_arg(vm, args, 1)? as i32,
        args.pos[2],
        if ex { "connect_ex" } else { "connect" },
    )?;
    let fd = fd_arg(vm, args, 0)?;
    loop {
        // SAFETY: `sa` holds a valid address of `sa.len` bytes.
        let r = unsafe { libc::connect(fd, sa.ptr(), sa.len) };
        let e = if r < 0 { errno() } else { 0 };
        if e == libc::EINTR {
            continue;
        }
        if ex {
            return Ok(Obj::small(e as isize));
        }
        if e != 0 {
            return Err(os_err(vm, e));
        }
        return Ok(none());
    }
}

fn n_listen(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "listen", 2, 2)?;
    let backlog = int_arg(vm, args, 1)?.clamp(0, i32::MAX as i64) as i32;
    // SAFETY: listen only takes integers.
    if unsafe { libc::listen(fd_arg(vm, args, 0)?, backlog) } < 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(none())
}

fn n_accept(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "accept", 1, 1)?;
    let fd = fd_arg(vm, args, 0)?;
    let mut sa = SockAddr::new();
    loop {
        // SAFETY: `sa` has room for any address; `len` is its size.
        let r = unsafe { libc::accept4(fd, sa.mut_ptr(), &mut sa.len, libc::SOCK_CLOEXEC) };
        if r < 0 {
            let e = errno();
            if e == libc::EINTR {
                continue;
            }
            return Err(os_err(vm, e));
        }
        let a = from_sockaddr(vm, &sa)?;
        return tuple::new(vm, &[Obj::small(r as isize), a]);
    }
}

fn data_arg(vm: &Vm, o: Obj) -> PyResult<&'static [u8]> {
    bytes::buffer_of(o).ok_or_else(|| {
        vm.type_error(&format!(
            "a bytes-like object is required, not '{}'",
            o.ty().name
        ))
    })
}

fn n_send(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "send", 3, 3)?;
    let fd = fd_arg(vm, args, 0)?;
    let data = data_arg(vm, args.pos[1])?;
    let flags = int_arg(vm, args, 2)? as i32 | libc::MSG_NOSIGNAL;
    loop {
        // SAFETY: `data` is readable for its length.
        let n = unsafe { libc::send(fd, data.as_ptr().cast(), data.len(), flags) };
        if n < 0 {
            let e = errno();
            if e == libc::EINTR {
                continue;
            }
            return Err(os_err(vm, e));
        }
        return int::new_i64(vm, n as i64);
    }
}

fn n_sendto(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "sendto", 5, 5)?;
    let fd = fd_arg(vm, args, 0)?;
    let data = data_arg(vm, args.pos[1])?;
    let flags = int_arg(vm, args, 2)? as i32 | libc::MSG_NOSIGNAL;
    let sa = to_sockaddr(vm, int_arg(vm, args, 3)? as i32, args.pos[4], "sendto")?;
    loop {
        // SAFETY: `data` is readable for its length; `sa` is a valid address.
        let n = unsafe {
            libc::sendto(
                fd,
                data.as_ptr().cast(),
                data.len(),
                flags,
                sa.ptr(),
                sa.len,
            )
        };
        if n < 0 {
            let e = errno();
            if e == libc::EINTR {
                continue;
            }
            return Err(os_err(vm, e));
        }
        return int::new_i64(vm, n as i64);
    }
}

fn recv_size(vm: &Vm, args: &Args, i: usize, fname: &str) -> PyResult<usize> {
    let n = int_arg(vm, args, i)?;
    if n < 0 {
        return Err(vm.value_error(&format!("negative buffersize in {}", fname)));
    }
    Ok(n as usize)
}

fn n_recv(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "recv", 3, 3)?;
    let fd = fd_arg(vm, args, 0)?;
    let n = recv_size(vm, args, 1, "recv")?;
    let flags = int_arg(vm, args, 2)? as i32;
    let mut buf = Vec::new();
    buf.try_reserve_exact(n).map_err(|_| vm.memory_error())?;
    buf.resize(n, 0u8);
    loop {
        // SAFETY: `buf` is writable for `n` bytes.
        let r = unsafe { libc::recv(fd, buf.as_mut_ptr().cast(), n, flags) };
        if r < 0 {
            let e = errno();
            if e == libc::EINTR {
                continue;
            }
            return Err(os_err(vm, e));
        }
        return bytes::new(vm, &buf[..r as usize]);
    }
}

fn n_recvfrom(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "recvfrom", 3, 3)?;
    let fd = fd_arg(vm, args, 0)?;
    let n = recv_size(vm, args, 1, "recvfrom")?;
    let flags = int_arg(vm, args, 2)? as i32;
    let mut buf = Vec::new();
    buf.try_reserve_exact(n).map_err(|_| vm.memory_error())?;
    buf.resize(n, 0u8);
    let mut sa = SockAddr::new();
    loop {
        // SAFETY: `buf` is writable for `n` bytes, `sa` for its size.
        let r = unsafe {
            libc::recvfrom(
                fd,
                buf.as_mut_ptr().cast(),
                n,
                flags,
                sa.mut_ptr(),
                &mut sa.len,
            )
        };
        if r < 0 {
            let e = errno();
            if e == libc::EINTR {
                continue;
            }
            return Err(os_err(vm, e));
        }
        let d = bytes::new(vm, &buf[..r as usize])?;
        let a = if sa.len == 0 {
            none()
        } else {
            from_sockaddr(vm, &sa)?
        };
        return tuple::new(vm, &[d, a]);
    }
}

fn n_setsockopt(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "setsockopt", 4, 4)?;
    let fd = fd_arg(vm, args, 0)?;
    let level = int_arg(vm, args, 1)? as i32;
    let opt = int_arg(vm, args, 2)? as i32;
    let v = args.pos[3];
    let r = if let Some(b) = bytes::buffer_of(v) {
        // SAFETY: `b` is readable for its length.
        unsafe {
            libc::setsockopt(
                fd,
                level,
                opt,
                b.as_ptr().cast(),
                b.len() as libc::socklen_t,
            )
        }
    } else {
        let i = int_arg(vm, args, 3)? as libc::c_int;
        // SAFETY: passing one int by pointer.
        unsafe {
            libc::setsockopt(
                fd,
                level,
                opt,
                (&i as *const libc::c_int).cast(),
                size_of::<libc::c_int>() as libc::socklen_t,
            )
        }
    };
    if r < 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(none())
}

fn n_getsockopt(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "getsockopt", 4, 4)?;
    let fd = fd_arg(vm, args, 0)?;
    let level = int_arg(vm, args, 1)? as i32;
    let opt = int_arg(vm, args, 2)? as i32;
    let buflen = int_arg(vm, args, 3)?;
    if buflen == 0 {
        let mut i: libc::c_int = 0;
        let mut len = size_of::<libc::c_int>() as libc::socklen_t;
        // SAFETY: room for one int.
        let r = unsafe {
            libc::getsockopt(
                fd,
                level,
                opt,
                (&mut i as *mut libc::c_int).cast(),
                &mut len,
            )
        };
        if r < 0 {
            return Err(os_err(vm, errno()));
        }
        return int::new_i64(vm, i as i64);
    }
    if !(1..=1024).contains(&buflen) {
        return Err(os_err_msg(
            vm,
            libc::EINVAL,
            "getsockopt buflen out of range",
        ));
    }
    let mut buf = vec![0u8; buflen as usize];
    let mut len = buflen as libc::socklen_t;
    // SAFETY: `buf` has room for `len` bytes.
    let r = unsafe { libc::getsockopt(fd, level, opt, buf.as_mut_ptr().cast(), &mut len) };
    if r < 0 {
        return Err(os_err(vm, errno()));
    }
    bytes::new(vm, &buf[..len as usize])
}

fn name_of(vm: &Vm, args: &Args, peer: bool) -> PyResult<Obj> {
    args.check(vm, if peer { "getpeername" } else { "getsockname" }, 1, 1)?;
    let fd = fd_arg(vm, args, 0)?;
    let mut sa = SockAddr::new();
    // SAFETY: `sa` has room for any address; `len` is its size.
    let r = unsafe {
        if peer {
            libc::getpeername(fd, sa.mut_ptr(), &mut sa.len)
        } else {
            libc::getsockname(fd, sa.mut_ptr(), &mut sa.len)
        }
    };
    if r < 0 {
        return Err(os_err(vm, errno()));
    }
    from_sockaddr(vm, &sa)
}

fn n_getsockname(vm: &Vm, args: &Args) -> PyResult<Obj> {
    name_of(vm, args, false)
}

fn n_getpeername(vm: &Vm, args: &Args) -> PyResult<Obj> {
    name_of(vm, args, true)
}

fn n_shutdown(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "shutdown", 2, 2)?;
    // SAFETY: shutdown only takes integers.
    if unsafe { libc::shutdown(fd_arg(vm, args, 0)?, int_arg(vm, args, 1)? as i32) } < 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(none())
}

fn n_setblocking(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "setblocking", 2, 2)?;
    let fd = fd_arg(vm, args, 0)?;
    let block = int_arg(vm, args, 1)? != 0;
    // SAFETY: fcntl with F_GETFL/F_SETFL only uses integers.
    unsafe {
        let fl = libc::fcntl(fd, libc::F_GETFL);
        if fl < 0 {
            return Err(os_err(vm, errno()));
        }
        let nf = if block {
            fl & !libc::O_NONBLOCK
        } else {
            fl | libc::O_NONBLOCK
        };
        if nf != fl && libc::fcntl(fd, libc::F_SETFL, nf) < 0 {
            return Err(os_err(vm, errno()));
        }
    }
    Ok(none())
}

/// poll([(fd, events), ...], timeout_ms) -> [(fd, revents), ...]; a
/// negative timeout waits for ever.
fn n_poll(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "poll", 2, 2)?;
    let items = ferropy_core::vm::abs::to_vec(vm, args.pos[0])?;
    let timeout = int_arg(vm, args, 1)?.clamp(-1, i32::MAX as i64) as i32;
    let mut fds = Vec::new();
    fds.try_reserve_exact(items.len())
        .map_err(|_| vm.memory_error())?;
    for it in items {
        let t = tuple::tuple_items(it);
        if t.len() != 2 {
            return Err(vm.type_error("poll: expected (fd, events) pairs"));
        }
        let a = Args::new(t);
        fds.push(libc::pollfd {
            fd: fd_arg(vm, &a, 0)?,
            events: int_arg(vm, &a, 1)? as libc::c_short,
            revents: 0,
        });
    }
    loop {
        crate::port::flush();
        // SAFETY: `fds` holds `fds.len()` pollfd structures.
        let r = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout) };
        if r < 0 {
            let e = errno();
            if e == libc::EINTR {
                if ferropy_core::vm::eval::INTERRUPT.load(std::sync::atomic::Ordering::Relaxed) {
                    // Ctrl-C: return now, the interpreter raises
                    // KeyboardInterrupt at its next check.
                    return list::new(vm, &[]);
                }
                continue;
            }
            return Err(os_err(vm, e));
        }
        break;
    }
    let out = list::new(vm, &[])?;
    for p in &fds {
        if p.revents != 0 {
            let t = tuple::new(
                vm,
                &[Obj::small(p.fd as isize), Obj::small(p.revents as isize)],
            )?;
            list::append(vm, out, t)?;
        }
    }
    Ok(out)
}

/// getaddrinfo(host, port, family, type, proto, flags): the list of
/// 5-tuples, or the (negative) EAI error code as an int.
fn n_getaddrinfo(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "getaddrinfo", 6, 6)?;
    let to_c = |o: Obj| -> PyResult<Option<std::ffi::CString>> {
        if o.is_none() {
            return Ok(None);
        }
        let s = if let Some(s) = pystr::as_str(o) {
            s.to_string()
        } else if let Some(b) = bytes::as_bytes(o) {
            String::from_utf8_lossy(b).into_owned()
        } else if let Some(i) = int::to_i64(o) {
            i.to_string()
        } else {
            return Err(vm.new_error(&exc::OS_ERROR, "Int or String expected"));
        };
        std::ffi::CString::new(s)
            .map(Some)
            .map_err(|_| vm.value_error("embedded null character"))
    };
    let host = to_c(args.pos[0])?;
    let port = to_c(args.pos[1])?;
    // SAFETY: addrinfo is plain data; zero is a valid hint.
    let mut hints: libc::addrinfo = unsafe { zeroed() };
    hints.ai_family = int_arg(vm, args, 2)? as i32;
    hints.ai_socktype = int_arg(vm, args, 3)? as i32;
    hints.ai_protocol = int_arg(vm, args, 4)? as i32;
    hints.ai_flags = int_arg(vm, args, 5)? as i32;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: NUL-terminated strings or NULL; `res` receives a list we free.
    let r = unsafe {
        libc::getaddrinfo(
            host.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            port.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            &hints,
            &mut res,
        )
    };
    if r != 0 {
        return Ok(Obj::small(r as isize));
    }
    let out = match list::new(vm, &[]) {
        Ok(o) => o,
        Err(e) => {
            // SAFETY: freeing the list getaddrinfo allocated.
            unsafe { libc::freeaddrinfo(res) };
            return Err(e);
        }
    };
    let mut p = res;
    let mut err = None;
    while !p.is_null() {
        // SAFETY: `p` walks the list getaddrinfo returned.
        let ai = unsafe { &*p };
        if let Err(e) = add_addrinfo(vm, out, ai) {
            err = Some(e);
            break;
        }
        p = ai.ai_next;
    }
    // SAFETY: freeing the list getaddrinfo allocated.
    unsafe { libc::freeaddrinfo(res) };
    match err {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

fn add_addrinfo(vm: &Vm, out: Obj, ai: &libc::addrinfo) -> PyResult<()> {
    let mut sa = SockAddr::new();
    let n = (ai.ai_addrlen as usize).min(size_of::<libc::sockaddr_storage>());
    // SAFETY: copying `n` bytes of the returned address into our storage.
    unsafe { std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, sa.mut_ptr() as *mut u8, n) };
    sa.len = n as libc::socklen_t;
    let addr = from_sockaddr(vm, &sa)?;
    let canon = if ai.ai_canonname.is_null() {
        vm.new_str("")?
    } else {
        // SAFETY: a NUL-terminated name.
        let c = unsafe { std::ffi::CStr::from_ptr(ai.ai_canonname) };
        vm.new_str(&c.to_string_lossy())?
    };
    let t = tuple::new(
        vm,
        &[
            Obj::small(ai.ai_family as isize),
            Obj::small(ai.ai_socktype as isize),
            Obj::small(ai.ai_protocol as isize),
            canon,
            addr,
        ],
    )?;
    list::append(vm, out, t)
}

fn n_gai_strerror(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "gai_strerror", 1, 1)?;
    // SAFETY: gai_strerror returns a static NUL-terminated message.
    let m = unsafe { std::ffi::CStr::from_ptr(libc::gai_strerror(int_arg(vm, args, 0)? as i32)) };
    vm.new_str(&m.to_string_lossy())
}

fn n_strerror(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "strerror", 1, 1)?;
    // SAFETY: strerror returns a NUL-terminated message.
    let m = unsafe { std::ffi::CStr::from_ptr(libc::strerror(int_arg(vm, args, 0)? as i32)) };
    vm.new_str(&m.to_string_lossy())
}

/// sockinfo(fd) -> (family, type, proto) of an open socket.
fn n_sockinfo(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "sockinfo", 1, 1)?;
    let fd = fd_arg(vm, args, 0)?;
    let mut out = [0isize; 3];
    for (slot, opt) in out
        .iter_mut()
        .zip([libc::SO_DOMAIN, libc::SO_TYPE, libc::SO_PROTOCOL])
    {
        let mut i: libc::c_int = 0;
        let mut len = size_of::<libc::c_int>() as libc::socklen_t;
        // SAFETY: room for one int.
        let r = unsafe {
            libc::getsockopt(
                fd,
                libc::SOL_SOCKET,
                opt,
                (&mut i as *mut libc::c_int).cast(),
                &mut len,
            )
        };
        if r < 0 {
            return Err(os_err(vm, errno()));
        }
        *slot = i as isize;
    }
    tuple::new(
        vm,
        &[Obj::small(out[0]), Obj::small(out[1]), Obj::small(out[2])],
    )
}

/// is_numeric(family, host): does `host` parse as a numeric address?
fn n_is_numeric(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "is_numeric", 2, 2)?;
    let fam = int_arg(vm, args, 0)? as i32;
    let Some(h) = pystr::as_str(args.pos[1]) else {
        return Ok(py_bool(false));
    };
    Ok(py_bool(match fam {
        libc::AF_INET => parse_v4(h).is_some(),
        libc::AF_INET6 => parse_v6(h).is_some(),
        _ => false,
    }))
}

fn n_inet_pton(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "inet_pton", 2, 2)?;
    let fam = int_arg(vm, args, 0)? as i32;
    let h = pystr::as_str(args.pos[1]).ok_or_else(|| {
        vm.type_error(&format!(
            "inet_pton() argument 2 must be str, not {}",
            args.pos[1].ty().name
        ))
    })?;
    let bad = || {
        os_err_msg(
            vm,
            libc::EINVAL,
            "illegal IP address string passed to inet_pton",
        )
    };
    match fam {
        libc::AF_INET => {
            let a: std::net::Ipv4Addr = h.parse().map_err(|_| bad())?;
            bytes::new(vm, &a.octets())
        }
        libc::AF_INET6 => {
            let a: std::net::Ipv6Addr = h.parse().map_err(|_| bad())?;
            bytes::new(vm, &a.octets())
        }
        _ => Err(os_err(vm, libc::EAFNOSUPPORT)),
    }
}

fn n_inet_ntop(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "inet_ntop", 2, 2)?;
    let fam = int_arg(vm, args, 0)? as i32;
    let b = data_arg(vm, args.pos[1])?;
    match fam {
        libc::AF_INET => {
            let a: [u8; 4] = b
                .try_into()
                .map_err(|_| vm.value_error("invalid length of packed IP address string"))?;
            vm.new_str(&std::net::Ipv4Addr::from(a).to_string())
        }
        libc::AF_INET6 => {
            let a: [u8; 16] = b
                .try_into()
                .map_err(|_| vm.value_error("invalid length of packed IP address string"))?;
            vm.new_str(&std::net::Ipv6Addr::from(a).to_string())
        }
        _ => Err(vm.value_error(&format!("unknown address family {}", fam))),
    }
}

fn n_gethostname(vm: &Vm, args: &Args) -> PyResult<Obj> {
    args.check(vm, "gethostname", 0, 0)?;
    let mut buf = [0u8; 256];
    // SAFETY: `buf` is writable for its length.
    if unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) } < 0 {
        return Err(os_err(vm, errno()));
    }
    let end = buf.iter().position(|c| *c == 0).unwrap_or(buf.len());
    vm.new_str(&String::from_utf8_lossy(&buf[..end]))
}

static FUNCS: [AttrEntry; 26] = [
    ferropy_core::function!("socket", n_socket),
    ferropy_core::function!("socketpair", n_socketpair),
    ferropy_core::function!("close", n_close),
    ferropy_core::function!("dup", n_dup),
    ferropy_core::function!("bind", n_bind),
    ferropy_core::function!("connect", n_connect),
    ferropy_core::function!("listen", n_listen),
    ferropy_core::function!("accept", n_accept),
    ferropy_core::function!("send", n_send),
    ferropy_core::function!("sendto", n_sendto),
    ferropy_core::function!("recv", n_recv),
    ferropy_core::function!("recvfrom", n_recvfrom),
    ferropy_core::function!("setsockopt", n_setsockopt),
    ferropy_core::function!("getsockopt", n_getsockopt),
    ferropy_core::function!("getsockname", n_getsockname),
    ferropy_core::function!("getpeername", n_getpeername),
    ferropy_core::function!("shutdown", n_shutdown),
    ferropy_core::function!("setblocking", n_setblocking),
    ferropy_core::function!("poll", n_poll),
    ferropy_core::function!("getaddrinfo", n_getaddrinfo),
    ferropy_core::function!("gai_strerror", n_gai_strerror),
    ferropy_core::function!("strerror", n_strerror),
    ferropy_core::function!("sockinfo", n_sockinfo),
    ferropy_core::function!("is_numeric", n_is_numeric),
    ferropy_core::function!("inet_pton", n_inet_pton),
    ferropy_core::function!("inet_ntop", n_inet_ntop),
];

static GETHOSTNAME: AttrEntry = ferropy_core::function!("gethostname", n_gethostname);

/// Integer constants of `socket` and `select` (Linux values).
const CONSTANTS: &[(&str, i64)] = &[
    ("AF_UNSPEC", libc::AF_UNSPEC as i64),
    ("AF_INET", libc::AF_INET as i64),
    ("AF_INET6", libc::AF_INET6 as i64),
    ("AF_UNIX", libc::AF_UNIX as i64),
    ("SOCK_STREAM", libc::SOCK_STREAM as i64),
    ("SOCK_DGRAM", libc::SOCK_DGRAM as i64),
    ("SOCK_RAW", libc::SOCK_RAW as i64),
    ("SOCK_NONBLOCK", libc::SOCK_NONBLOCK as i64),
    ("SOCK_CLOEXEC", libc::SOCK_CLOEXEC as i64),
    ("SOL_SOCKET", libc::SOL_SOCKET as i64),
    ("SO_REUSEADDR", libc::SO_REUSEADDR as i64),
    ("SO_REUSEPORT", libc::SO_REUSEPORT as i64),
    ("SO_KEEPALIVE", libc::SO_KEEPALIVE as i64),
    ("SO_BROADCAST", libc::SO_BROADCAST as i64),
    ("SO_ERROR", libc::SO_ERROR as i64),
    ("SO_TYPE", libc::SO_TYPE as i64),
    ("SO_RCVBUF", libc::SO_RCVBUF as i64),
    ("SO_SNDBUF", libc::SO_SNDBUF as i64),
    ("SO_LINGER", libc::SO_LINGER as i64),
    ("SO_DOMAIN", libc::SO_DOMAIN as i64),
    ("SO_PROTOCOL", libc::SO_PROTOCOL as i64),
    ("SOMAXCONN", libc::SOMAXCONN as i64),
    ("IPPROTO_IP", libc::IPPROTO_IP as i64),
    ("IPPROTO_TCP", libc::IPPROTO_TCP as i64),
    ("IPPROTO_UDP", libc::IPPROTO_UDP as i64),
    ("IPPROTO_IPV6", libc::IPPROTO_IPV6 as i64),
    ("IPV6_V6ONLY", libc::IPV6_V6ONLY as i64),
    ("TCP_NODELAY", libc::TCP_NODELAY as i64),
    ("MSG_PEEK", libc::MSG_PEEK as i64),
    ("MSG_DONTWAIT", libc::MSG_DONTWAIT as i64),
    ("MSG_WAITALL", libc::MSG_WAITALL as i64),
    ("SHUT_RD", libc::SHUT_RD as i64),
    ("SHUT_WR", libc::SHUT_WR as i64),
    ("SHUT_RDWR", libc::SHUT_RDWR as i64),
    ("AI_PASSIVE", libc::AI_PASSIVE as i64),
    ("AI_CANONNAME", libc::AI_CANONNAME as i64),
    ("AI_NUMERICHOST", libc::AI_NUMERICHOST as i64),
    ("AI_NUMERICSERV", libc::AI_NUMERICSERV as i64),
    ("AI_ADDRCONFIG", libc::AI_ADDRCONFIG as i64),
    ("INADDR_ANY", 0),
    ("EAI_NONAME", libc::EAI_NONAME as i64),
    ("POLLIN", libc::POLLIN as i64),
    ("POLLPRI", libc::POLLPRI as i64),
    ("POLLOUT", libc::POLLOUT as i64),
    ("POLLERR", libc::POLLERR as i64),
    ("POLLHUP", libc::POLLHUP as i64),
    ("POLLNVAL", libc::POLLNVAL as i64),
    ("POLLRDNORM", libc::POLLRDNORM as i64),
    ("POLLRDBAND", libc::POLLRDBAND as i64),
    ("POLLWRNORM", libc::POLLWRNORM as i64),
    ("POLLWRBAND", libc::POLLWRBAND as i64),
    ("POLLRDHUP", libc::POLLRDHUP as i64),
];

/// Create the `_net` module.
pub fn make(vm: &Vm) -> PyResult<Obj> {
    let m = module::new(vm, "_net")?;
    let d = module::dict_of(m);
    for e in FUNCS.iter().chain(std::iter::once(&GETHOSTNAME)) {
        dict::set_str(vm, d, e.name, e.obj.get())?;
    }
    for (n, v) in CONSTANTS {
        dict::set_str(vm, d, n, int::new_i64(vm, *v)?)?;
    }
    Ok(m)
}

/// The Python source of `socket` and `select` (compiled at first import).
pub const SOCKET_PY: &str = include_str!("socket.py");
pub const SELECT_PY: &str = include_str!("select.py");
