/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Files as system calls see them. An open struct file (fdtable.h) holds
 * a dentry, a name in a file system's tree (fs/dcache.c); the dentry
 * holds its inode, the file itself, whose inode_operations make and
 * remove names in a directory and whose file_operations read and write
 * it. A super_block is one mounted file system: ramfs at "/" (filled
 * from the initramfs), proc wherever `mount -t proc` puts it, pipefs
 * for the pipes, which have no name.
 * Linux: include/linux/fs.h, include/linux/dcache.h, include/uapi/linux/stat.h
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/types.h>

typedef long long loff_t;
typedef unsigned short umode_t;
typedef unsigned int dev_t;

#define S_IFMT		00170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFBLK		0060000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000
#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)
#define S_IRWXUGO	00777
#define S_IALLUGO	07777
#define S_IRUGO		00444
#define S_IWUGO		00222
#define S_IXUGO		00111

#define MKDEV(ma, mi)	(((ma) << 20) | (mi))
#define MAJOR(dev)	((unsigned int)((dev) >> 20))
#define MINOR(dev)	((unsigned int)((dev) & ((1U << 20) - 1)))

#define NAME_MAX	255
#define PATH_MAX	4096

/* open(2) flags, x86-64 values. Linux: include/uapi/asm-generic/fcntl.h */
#define O_ACCMODE	00000003
#define O_RDONLY	00000000
#define O_WRONLY	00000001
#define O_RDWR		00000002
#define O_CREAT		00000100
#define O_EXCL		00000200
#define O_NOCTTY	00000400
#define O_TRUNC		00001000
#define O_APPEND	00002000
#define O_NONBLOCK	00004000
#define O_DIRECTORY	00200000
#define O_NOFOLLOW	00400000
#define O_CLOEXEC	02000000
#define O_PATH		010000000
#define AT_FDCWD		-100
#define AT_SYMLINK_NOFOLLOW	0x100
#define AT_REMOVEDIR		0x200
#define AT_EACCESS		0x200
#define AT_SYMLINK_FOLLOW	0x400
#define AT_EMPTY_PATH		0x1000

/* f_mode: what the open file may do. */
#define FMODE_READ	0x1
#define FMODE_WRITE	0x2

#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2

/* poll(2) events */
#define POLLIN		0x0001
#define POLLPRI		0x0002
#define POLLOUT		0x0004
#define POLLERR		0x0008
#define POLLHUP		0x0010
#define POLLNVAL	0x0020
#define POLLRDNORM	0x0040
#define POLLWRNORM	0x0100

/* d_type in getdents64(2) */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_REG		8
#define DT_LNK		10

struct file;
struct inode;
struct dentry;
struct super_block;
struct task_struct;

/*
 * getdents64(2)'s walk over a directory: ->iterate_shared() calls
 * dir_emit() for each entry from ctx->pos on, and stops when it says no
 * (the user's buffer is full). Linux: struct dir_context
 */
struct dir_context;
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int namelen,
			  loff_t pos, u64 ino, unsigned int type);
struct dir_context {
	filldir_t actor;
	loff_t pos;
};

static inline bool dir_emit(struct dir_context *ctx, const char *name, int namelen,
			    u64 ino, unsigned int type)
{
	return ctx->actor(ctx, name, namelen, ctx->pos, ino, type);
}

struct iov_iter;

struct file_operations {
	unsigned int (*poll)(struct file *file);	/* POLL* now; NULL: always ready */
	ssize_t (*read)(struct file *file, char __user *buf, size_t count, loff_t *pos);
	/*
	 * Into or out of an iov_iter (user or kernel memory): what sendfile()
	 * and kernel_read() need. Linux passes a struct kiocb holding the
	 * file and position; here they are the two arguments ->read has.
	 * Every writable file has ->write_iter; ->read_iter is ramfs's.
	 */
	ssize_t (*read_iter)(struct file *file, struct iov_iter *to, loff_t *pos);
	ssize_t (*write_iter)(struct file *file, struct iov_iter *from, loff_t *pos);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	int (*iterate_shared)(struct file *file, struct dir_context *ctx);
	int (*open)(struct inode *inode, struct file *file);
	int (*release)(struct inode *inode, struct file *file);
};

struct inode_operations {
	/* proc's directories: make the dentry for @name, or NULL (-ENOENT). */
	struct dentry *(*lookup)(struct dentry *dir, const char *name, size_t len);
	/* proc's /proc/self and /proc/<pid>/exe: the target, computed now */
	const char *(*get_link)(struct dentry *dentry, char *buf, size_t size);
};

/*
 * A file. A ramfs regular file's bytes are one vmalloc() block (i_data,
 * i_size bytes, room for i_alloc); a symlink's target is kept the same
 * way. An inode lives as long as the dentry that names it: Spindle has
 * no hard links, so one dentry, one inode.
 * Linux: struct inode
 */
struct inode {
	unsigned long i_ino;
	umode_t i_mode;
	unsigned int i_nlink;
	atomic_t i_count;		/* the dentries naming it (more than one: hard links) */
	dev_t i_rdev;			/* character devices */
	loff_t i_size;
	long long i_mtime, i_ctime, i_atime;	/* seconds since 1970 (current_time_sec()) */
	/* Guards i_data, i_size and i_alloc (writers resize them). Linux: i_rwsem */
	struct mutex i_mutex;
	void *i_data;
	size_t i_alloc;
	void *i_private;		/* proc: what the file shows; pipefs: the pipe */
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct super_block *i_sb;
};

/*
 * A name. Locking: rootfs_lock (fs/namei.c) guards
 * every tree's shape (d_subdirs, d_child, d_parent, d_name, d_mounted);
 * d_count is atomic. A dentry in a tree has one reference from its
 * parent's list; lookups take more. A removed one (unlinked, or proc's,
 * never in a list) is freed with its inode at the last dput().
 */
struct dentry {
	atomic_t d_count;
	bool d_unhashed;		/* not (or no longer) in its parent's d_subdirs */
	char d_name[NAME_MAX + 1];
	struct dentry *d_parent;	/* referenced; a root's is itself */
	struct inode *d_inode;
	struct super_block *d_sb;
	struct super_block *d_mounted;	/* a file system mounted here, or NULL */
	struct list_head d_subdirs;	/* children */
	struct list_head d_child;	/* in the parent's d_subdirs */
};

/* One mounted file system. Linux: struct super_block (+ struct vfsmount) */
struct super_block {
	const char *s_type;		/* "ramfs", "proc", "pipefs" */
	unsigned long s_magic;
	struct dentry *s_root;
	struct dentry *s_mountpoint;	/* referenced; NULL for "/" and pipefs */
	const char *s_dev_name;		/* what mount(2) was given */
	dev_t s_dev;			/* st_dev of its files */
	size_t s_inode_size;		/* 0, or the size of the struct embedding struct inode (proc) */
};

static inline void inode_lock(struct inode *inode)
{
	mutex_lock(&inode->i_mutex);
}

static inline void inode_unlock(struct inode *inode)
{
	mutex_unlock(&inode->i_mutex);
}

/* fs/dcache.c */
struct dentry *d_alloc(struct dentry *parent, const char *name, size_t len);
struct dentry *d_make_root(struct inode *inode);
struct dentry *dget(struct dentry *dentry);
void dput(struct dentry *dentry);
void d_instantiate(struct dentry *dentry, struct inode *inode);
struct dentry *d_lookup(struct dentry *dir, const char *name, size_t len);
void d_delete(struct dentry *dentry);
void d_move(struct dentry *dentry, struct dentry *dir, const char *name, size_t len);
char *d_path(struct dentry *dentry, char *buf, int buflen);

/* fs/inode.c */
struct inode *new_inode(struct super_block *sb);
void ihold(struct inode *inode);
void iput(struct inode *inode);
unsigned int dt_type(struct inode *inode);
long long current_time_sec(void);
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);

/* fs/namei.c */
struct dentry *lookup_path(const char *path, bool follow, int *err);
int vfs_mkdir(const char *path, umode_t mode);
int vfs_mknod(const char *path, umode_t mode, dev_t dev);
int vfs_symlink(const char *target, const char *path);
int vfs_create_file(const char *path, umode_t mode, const void *data, size_t size);
int getname(char *buf, const char __user *filename);
struct dentry *user_path_at(int dfd, const char __user *name, unsigned int flags, int *err);
int vfs_open_dentry(int dfd, const char *name, int flags, umode_t mode, struct dentry **res);
extern struct dentry *root_dentry;

/* fs/namespace.c */
int vfs_mount_proc(const char *dir);

/* fs/ramfs/inode.c */
struct inode *ramfs_get_inode(struct super_block *sb, umode_t mode, dev_t dev);
int ramfs_set_data(struct inode *inode, const void *data, size_t size);
extern struct super_block ramfs_sb;

/* fs/libfs.c */
int dcache_readdir(struct file *file, struct dir_context *ctx);
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				const void *from, size_t available);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
extern const struct file_operations simple_dir_operations;

/* fs/char_dev.c: the file_operations of character device @dev, or NULL */
const struct file_operations *chrdev_fops(dev_t dev);

/* drivers/tty/tty_io.c: /dev/console (5:1), /dev/tty (5:0), /dev/ttyS0 (4:64) */
extern const struct file_operations tty_fops;
#define TTY_MAJOR	4
#define TTYAUX_MAJOR	5
#define MEM_MAJOR	1

/* drivers/char/mem.c: /dev/null (1:3), /dev/zero (1:5), /dev/random, /dev/urandom (1:8, 1:9) */
const struct file_operations *memory_fops(unsigned int minor);

/* fs/open.c */
struct file *filp_open(const char *path, int flags, int *err);
struct file *dentry_open(struct dentry *dentry, int flags, int *err);

/* fs/read_write.c */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);

/* fs/pipe.c */
extern const struct file_operations pipefifo_fops;

/* fs/proc/root.c */
extern const struct inode_operations proc_root_inode_operations;
extern const struct file_operations proc_root_operations;

#endif /* _LINUX_FS_H */
