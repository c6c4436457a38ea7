//! The FAT volume and the VFS on a disk in memory: formats, names, files
//! across clusters, directories, errors, and damaged images (which must give
//! errors, never panics).

extern crate std;

use super::*;
use crate::port::errno::*;
use alloc::format;
use alloc::string::ToString;
use alloc::vec;

fn fresh(blocks: u32) -> &'static MemDisk {
    let disk = std::boxed::Box::leak(std::boxed::Box::new(MemDisk::new(blocks)));
    format(disk).unwrap();
    disk
}

fn rw() -> OpenFlags {
    OpenFlags {
        read: true,
        write: true,
        create: true,
        truncate: true,
        ..OpenFlags::default()
    }
}

fn rd() -> OpenFlags {
    OpenFlags {
        read: true,
        ..OpenFlags::default()
    }
}

fn put(v: &mut Vfs, path: &str, data: &[u8]) {
    let h = v.open(path, rw()).unwrap();
    let mut done = 0;
    while done < data.len() {
        done += v.write(h, &data[done..]).unwrap();
    }
    v.close(h).unwrap();
}

fn get(v: &mut Vfs, path: &str) -> IoResult<Vec<u8>> {
    let h = v.open(path, rd())?;
    let mut out = Vec::new();
    let mut buf = [0u8; 100];
    loop {
        match v.read(h, &mut buf) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(e) => {
                v.close(h)?;
                return Err(e);
            }
        }
    }
    v.close(h)?;
    Ok(out)
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn formats_fat12_and_fat16() {
    for (blocks, kind) in [
        (64, "FAT12"),
        (2048, "FAT12"),
        (16384, "FAT16"),
        (200_000, "FAT16"),
    ] {
        let disk = fresh(blocks);
        let mut b = [0u8; BLOCK];
        disk.read_block(0, &mut b).unwrap();
        assert_eq!(&b[54..59], kind.as_bytes(), "{blocks} blocks");
        let mut v = Vfs::mount(disk).unwrap();
        assert_eq!(v.listdir("/").unwrap(), Vec::<String>::new());
        put(&mut v, "/x", b"data");
        assert_eq!(get(&mut v, "x").unwrap(), b"data");
        assert!(v.free_bytes().unwrap() > 0);
    }
    assert_eq!(format(&MemDisk::new(10)), Err(ENOSPC));
}

#[test]
fn long_names_case_and_listing() {
    let disk = fresh(2048);
    let mut v = Vfs::mount(disk).unwrap();
    let names = [
        "README.TXT",
        "a.txt",
        "Mixed Case Name With Spaces.py",
        "ünïcödé-名前.txt",
        ".hidden",
        "x.tar.gz",
        "a_very_long_file_name_that_needs_several_long_name_entries_to_hold_it.data",
    ];
    for (i, n) in names.iter().enumerate() {
        put(&mut v, n, n.as_bytes());
        assert_eq!(v.stat(n).unwrap().size, n.len() as u64, "{n} ({i})");
    }
    let mut want: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(sorted(v.listdir("/").unwrap()), want);
    // Lookups ignore case; the stored spelling stays.
    assert_eq!(get(&mut v, "readme.txt").unwrap(), b"README.TXT");
    assert_eq!(get(&mut v, "A.TXT").unwrap(), b"a.txt");
    assert_eq!(get(&mut v, "X.TAR.GZ").unwrap(), b"x.tar.gz");
    // Short aliases are unique: several long names with one prefix.
    for k in 0..12 {
        put(&mut v, &format!("longprefix {k}.txt"), b"k");
    }
    let n = v.listdir("/").unwrap().len();
    assert_eq!(n, names.len() + 12);
    // Names FAT cannot hold.
    assert_eq!(v.open("a:b", rw()), Err(EINVAL));
    assert_eq!(v.mkdir("q?"), Err(EINVAL));
    let long = "n".repeat(256);
    assert_eq!(v.open(&long, rw()), Err(ENAMETOOLONG));
    // Everything survives a remount.
    v.unmount().unwrap();
    let mut v = Vfs::mount(disk).unwrap();
    assert_eq!(sorted(v.listdir("/").unwrap()).len(), names.len() + 12);
    assert_eq!(get(&mut v, names[3]).unwrap(), names[3].as_bytes());
}

#[test]
fn files_across_clusters() {
    let disk = fresh(4096);
    let mut v = Vfs::mount(disk).unwrap();
    let data: Vec<u8> = (0..70_000u32).map(|i| (i * 7 % 251) as u8).collect();
    put(&mut v, "big.bin", &data);
    assert_eq!(get(&mut v, "big.bin").unwrap(), data);
    // Seek and partial writes across sector boundaries.
    let h = v
        .open(
            "big.bin",
            OpenFlags {
                read: true,
                write: true,
                ..OpenFlags::default()
            },
        )
        .unwrap();
    assert_eq!(v.seek(h, 510, 0).unwrap(), 510);
    assert_eq!(v.write(h, b"ABCDEFGH").unwrap(), 8);
    assert_eq!(v.seek(h, -4, 1).unwrap(), 514);
    let mut b = [0u8; 4];
    assert_eq!(v.read(h, &mut b).unwrap(), 4);
    assert_eq!(&b, b"EFGH");
    // Truncate shorter frees clusters; longer adds zeros.
    let free = v.free_bytes().unwrap();
    v.truncate(h, 1000).unwrap();
    assert!(v.free_bytes().unwrap() > free);
    assert_eq!(v.fstat(h).unwrap().size, 1000);
    v.truncate(h, 3000).unwrap();
    v.seek(h, 999, 0).unwrap();
    let mut b = [9u8; 4];
    assert_eq!(v.read(h, &mut b).unwrap(), 4);
    assert_eq!(b, [data[999], 0, 0, 0]);
    // Writing past the end fills the gap with zeros.
    v.seek(h, 5000, 0).unwrap();
    v.write(h, b"end").unwrap();
    v.close(h).unwrap();
    let got = get(&mut v, "big.bin").unwrap();
    assert_eq!(got.len(), 5003);
    assert!(got[3000..5000].iter().all(|&b| b == 0));
    assert_eq!(&got[5000..], b"end");
    // Append mode writes at the end.
    let h = v
        .open(
            "big.bin",
            OpenFlags {
                write: true,
                append: true,
                ..OpenFlags::default()
            },
        )
        .unwrap();
    v.seek(h, 0, 0).unwrap();
    v.write(h, b"!").unwrap();
    v.close(h).unwrap();
    assert_eq!(v.stat("big.bin").unwrap().size, 5004);
    // Truncating to nothing on open frees everything.
    put(&mut v, "big.bin", b"");
    assert_eq!(v.stat("big.bin").unwrap().size, 0);
}

#[test]
fn directories() {
    let disk = fresh(2048);
    let mut v = Vfs::mount(disk).unwrap();
    v.mkdir("d").unwrap();
    v.mkdir("/d/e").unwrap();
    assert_eq!(v.mkdir("d"), Err(EEXIST));
    assert_eq!(v.mkdir("/"), Err(EEXIST));
    assert_eq!(v.mkdir("nope/x"), Err(ENOENT));
    // Enough entries to grow the directory over several clusters.
    for k in 0..100 {
        put(
            &mut v,
            &format!("d/e/file number {k}"),
            format!("{k}").as_bytes(),
        );
    }
    assert_eq!(v.listdir("d/e").unwrap().len(), 100);
    assert_eq!(get(&mut v, "/d/e/FILE NUMBER 77").unwrap(), b"77");
    v.chdir("d/e").unwrap();
    assert_eq!(v.getcwd(), "/d/e");
    assert_eq!(get(&mut v, "../e/./file number 5").unwrap(), b"5");
    v.chdir("..").unwrap();
    assert_eq!(v.getcwd(), "/d");
    assert_eq!(v.chdir("e/file number 5"), Err(ENOTDIR));
    v.chdir("/").unwrap();
    assert!(v.is_dir("d/e") && !v.is_dir("d/e/file number 1") && !v.is_dir("zz"));
    assert!(v.stat("d").unwrap().is_dir());
    assert!(v.stat("d/e/file number 1").unwrap().is_file());
    assert_eq!(v.stat("d/e/file number 1/"), Err(ENOTDIR));
    assert_eq!(v.listdir("d/e/file number 1"), Err(ENOTDIR));
    assert_eq!(v.open("d/e/file number 1/x", rd()), Err(ENOTDIR));
    assert_eq!(v.open("d", rd()), Err(EISDIR));
    assert_eq!(v.rmdir("d"), Err(ENOTEMPTY));
    assert_eq!(v.remove("d"), Err(EISDIR));
    assert_eq!(v.rmdir("d/e/file number 1"), Err(ENOTDIR));
    assert_eq!(v.remove("d/nope"), Err(ENOENT));
    // Moving a directory: its contents follow, `..` points to the new parent.
    v.mkdir("f").unwrap();
    v.rename("d/e", "f/moved").unwrap();
    assert_eq!(v.listdir("d").unwrap(), Vec::<String>::new());
    assert_eq!(get(&mut v, "f/moved/file number 9").unwrap(), b"9");
    v.chdir("f/moved").unwrap();
    assert_eq!(v.listdir("..").unwrap(), vec!["moved".to_string()]);
    v.chdir("/").unwrap();
    assert_eq!(v.rename("f", "f/moved/inside"), Err(EINVAL));
    assert_eq!(v.rename("nope", "x"), Err(ENOENT));
    put(&mut v, "f/file", b"");
    assert_eq!(v.stat("f/file/.."), Err(ENOTDIR));
    assert_eq!(v.stat("f/nope/../file"), Err(ENOENT));
    v.remove("f/file").unwrap();
    // Rename over a file replaces it; over a non-empty directory fails.
    put(&mut v, "a", b"A");
    put(&mut v, "b", b"B");
    v.rename("a", "b").unwrap();
    assert_eq!(get(&mut v, "b").unwrap(), b"A");
    assert_eq!(v.stat("a"), Err(ENOENT));
    assert_eq!(v.rename("b", "f"), Err(EISDIR));
    assert_eq!(v.rename("d", "f"), Err(ENOTEMPTY));
    assert_eq!(v.rename("d", "b"), Err(ENOTDIR));
    v.rename("b", "B").unwrap();
    assert_eq!(
        v.listdir("/").unwrap().iter().filter(|n| *n == "B").count(),
        1
    );
    for k in 0..100 {
        v.remove(&format!("f/moved/file number {k}")).unwrap();
    }
    v.rmdir("f/moved").unwrap();
    v.rmdir("f").unwrap();
    v.rmdir("d").unwrap();
    assert_eq!(v.rmdir("/"), Err(EBUSY));
    assert_eq!(sorted(v.listdir("/").unwrap()), vec!["B".to_string()]);
}

#[test]
fn open_flags_and_handles() {
    let disk = fresh(256);
    let mut v = Vfs::mount(disk).unwrap();
    assert_eq!(v.open("x", rd()), Err(ENOENT));
    let excl = OpenFlags {
        write: true,
        create: true,
        exclusive: true,
        ..OpenFlags::default()
    };
    let h = v.open("x", excl).unwrap();
    assert!(h >= 3);
    assert_eq!(v.read(h, &mut [0u8; 4]), Err(EBADF));
    v.close(h).unwrap();
    assert_eq!(v.close(h), Err(EBADF));
    assert_eq!(v.open("x", excl), Err(EEXIST));
    // Removing an open file: the handle keeps working, space comes back at close.
    put(&mut v, "y", &[7u8; 3000]);
    let free = v.free_bytes().unwrap();
    let h = v.open("y", rw()).unwrap();
    v.remove("y").unwrap();
    v.write(h, &[1u8; 2000]).unwrap();
    assert!(v.listdir("/").unwrap().iter().all(|n| n != "y"));
    v.close(h).unwrap();
    assert!(v.free_bytes().unwrap() >= free);
    // Two handles on one file see each other's size.
    let a = v.open("z", rw()).unwrap();
    let b = v.open("z", rd()).unwrap();
    v.write(a, b"hello").unwrap();
    let mut buf = [0u8; 8];
    assert_eq!(v.read(b, &mut buf).unwrap(), 5);
    v.close(a).unwrap();
    v.close(b).unwrap();
    // Filling the disk: ENOSPC, and what fit is kept.
    let h = v.open("fill", rw()).unwrap();
    let chunk = [0xAAu8; 4096];
    let err = loop {
        match v.write(h, &chunk) {
            Ok(_) => {}
            Err(e) => break e,
        }
    };
    assert_eq!(err, ENOSPC);
    v.close(h).unwrap();
    assert!(v.stat("fill").unwrap().size > 0);
    v.remove("fill").unwrap();
    let mut handles = Vec::new();
    let err = loop {
        match v.open("z", rd()) {
            Ok(h) => handles.push(h),
            Err(e) => break e,
        }
    };
    assert_eq!(err, EMFILE);
}

/// A tiny deterministic generator for the damage tests.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as u32
    }
}

/// Run every operation on `v`; the results do not matter, only that
/// nothing panics or loops forever.
fn exercise(v: &mut Vfs) {
    let _ = v.listdir("/");
    for p in ["/", "d", "d/e", "f.txt", "d/g.bin", "d/e/h"] {
        let _ = v.stat(p);
        let _ = v.listdir(p);
        let _ = v.read_file(p);
        let _ = v.is_dir(p);
    }
    if let Ok(h) = v.open(
        "d/g.bin",
        OpenFlags {
            read: true,
            write: true,
            ..OpenFlags::default()
        },
    ) {
        let _ = v.seek(h, 700, 0);
        let _ = v.write(h, b"xyz");
        let _ = v.truncate(h, 100);
        let _ = v.fstat(h);
        let _ = v.close(h);
    }
    let _ = v.open("new file.txt", rw()).and_then(|h| {
        let _ = v.write(h, &[1u8; 3000]);
        v.close(h)
    });
    let _ = v.mkdir("d/newdir");
    let _ = v.rename("f.txt", "d/e/renamed.txt");
    let _ = v.remove("d/e/h");
    let _ = v.rmdir("d/newdir");
    let _ = v.chdir("d/e");
    let _ = v.listdir(".");
    let _ = v.free_bytes();
}

fn populated(blocks: u32) -> MemDisk {
    let mut disk = MemDisk::new(blocks);
    format(&disk).unwrap();
    {
        let mut v = Vfs::mount(&disk).unwrap();
        v.mkdir("d").unwrap();
        v.mkdir("d/e").unwrap();
        put(&mut v, "f.txt", b"hello");
        put(&mut v, "d/g.bin", &[3u8; 5000]);
        for k in 0..30 {
            put(&mut v, &format!("d/e/file {k}"), b"x");
        }
        put(&mut v, "d/e/h", &[5u8; 700]);
        v.unmount().unwrap();
    }
    let _ = disk.bytes_mut();
    disk
}

#[test]
fn damaged_boot_sectors_do_not_mount() {
    let mut disk = populated(2048);
    let good: Vec<u8> = disk.bytes_mut()[..BLOCK].to_vec();
    // Each field made impossible: ENODEV, no panic.
    let edits: &[(usize, &[u8])] = &[
        (510, &[0, 0]),      // no signature
        (11, &[0, 4]),       // 1024-byte sectors
        (13, &[3]),          // 3 sectors per cluster
        (13, &[0]),          // no sectors per cluster
        (14, &[0, 0]),       // no reserved sector
        (16, &[0]),          // no FAT
        (17, &[0, 0]),       // no root entries
        (19, &[0xFF, 0xFF]), // bigger than the disk
        (22, &[0, 0]),       // FAT32-style
        (22, &[0xFF, 0xFF]), // tables past the end
        (22, &[1, 0]),       // a table too small for the clusters
    ];
    for (at, bytes) in edits {
        let mem = disk.bytes_mut();
        mem[..BLOCK].copy_from_slice(&good);
        mem[*at..*at + bytes.len()].copy_from_slice(bytes);
        assert_eq!(Vfs::mount(&disk).err(), Some(ENODEV), "edit at {at}");
    }
    // Random boot sectors never mount wrongly or panic.
    let mut r = Lcg(1);
    for _ in 0..2000 {
        let mem = disk.bytes_mut();
        for b in mem[..BLOCK].iter_mut() {
            *b = r.next() as u8;
        }
        mem[510] = 0x55;
        mem[511] = 0xAA;
        if let Ok(mut v) = Vfs::mount(&disk) {
            exercise(&mut v);
        }
    }
    assert_eq!(Vfs::mount(&MemDisk::new(0)).err(), Some(EIO));
}

#[test]
fn damaged_tables_and_directories_give_errors() {
    // A cluster chain that loops, links out of range, a free link inside a
    // file, and directory entries pointing nowhere.
    let mut disk = populated(2048);
    let fat = BLOCK; // FAT12, one reserved sector
    {
        let mem = disk.bytes_mut();
        for b in &mut mem[fat + 3..fat + 60] {
            *b ^= 0xF7;
        }
    }
    let mut v = Vfs::mount(&disk).unwrap();
    exercise(&mut v);
    drop(v);
    // Every byte of the metadata flipped at random, many times.
    let good = populated(2048);
    let mut good = good;
    let image = good.bytes_mut().to_vec();
    let mut r = Lcg(7);
    for round in 0..300 {
        let mem = disk.bytes_mut();
        mem.copy_from_slice(&image);
        // Damage the tables, the root directory and the first data sectors.
        let span = 40 * BLOCK;
        for _ in 0..(1 + round % 40) {
            let at = BLOCK + r.next() as usize % span;
            mem[at] = r.next() as u8;
        }
        if let Ok(mut v) = Vfs::mount(&disk) {
            exercise(&mut v);
        }
    }
}

#[test]
fn device_errors_are_eio() {
    struct Broken;
    impl BlockDevice for Broken {
        fn block_count(&self) -> u32 {
            100
        }
        fn read_block(&self, _: u32, _: &mut [u8; BLOCK]) -> IoResult<()> {
            Err(EIO)
        }
        fn write_block(&self, _: u32, _: &[u8; BLOCK]) -> IoResult<()> {
            Err(EIO)
        }
    }
    assert_eq!(Vfs::mount(&Broken).err(), Some(EIO));
    assert_eq!(format(&Broken), Err(EIO));
}

#[test]
fn times_round_trip() {
    let disk = fresh(256);
    let mut v = Vfs::mount(disk).unwrap();
    // 2024-02-29 13:45:58 UTC.
    v.set_time(Some(1_709_214_358.0));
    put(&mut v, "t", b"");
    assert_eq!(v.stat("t").unwrap().mtime, 1_709_214_358.0);
    v.set_time(None);
    put(&mut v, "u", b"");
    assert_eq!(v.stat("u").unwrap().mtime, 315_532_800.0);
}
