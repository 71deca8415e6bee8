// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * pigpio_regs._pigpio_regs: libpigpioregs for Python.
 *
 * Written against the CPython limited API of 3.11 (the stable ABI), so one
 * _pigpio_regs.abi3.so per architecture loads in 3.11 (Debian bookworm)
 * and 3.13 (trixie) alike. Types are heap types made from specs; no
 * structure of the interpreter is touched but PyObject_HEAD.
 *
 * Errors. Argument errors found here (a pin the chip does not have, an
 * unknown function or pull name, a level that is not 0 or 1) raise
 * ValueError before the library is called. A negative errno from the
 * library raises OSError(errno, message): OSError picks the errno's own
 * subclass (PermissionError, FileNotFoundError, ...). Messages are the
 * CLI's (user/cli/main.c, verbs.c): "cannot open DEVICE (attributes in
 * DIR): STRERROR", "set GPIO17: STRERROR", "bank 1: STRERROR". A closed
 * Chip, or a Line of one, raises ValueError: nothing is ever loaded from
 * or stored to a window that has been unmapped.
 *
 * Order in every call: convert every argument first, then check that the
 * chip is open (and the pin or bank in range), then touch the mapping. A
 * conversion can run Python code (__index__, __bool__, __fspath__, a
 * pin's _fast property), and that code can close the Chip; nothing but
 * the library call may come between the check and the use. A Chip is
 * initialised once: its Lines point into its window, so __init__ on an
 * initialised Chip (open or closed) is refused.
 *
 * The GIL is held in every call: the calls are a few loads and stores
 * (configuration calls one ioctl), and holding it is what makes close()
 * safe against a Line used by another thread.
 */
#define Py_LIMITED_API 0x030b0000
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <errno.h>
#include <string.h>

#include "pigpioregs.h"

/* The module's own state: its two heap types. */
struct module_state {
	PyTypeObject *chip_type;
	PyTypeObject *line_type;
	PyTypeObject *timer_type;
	PyObject *fast_name;		/* "_fast", interned */
	PyObject *set_state_name;	/* "_set_state", interned */
};

struct chip_object {
	PyObject_HEAD
	struct pgr_chip *chip;	/* NULL once closed (or never opened) */
	PyObject *device;	/* str: the node that was opened */
	PyObject *attr_dir;	/* str or None */
	int initialised;	/* __init__ opened it: never again */
};

struct line_object {
	PyObject_HEAD
	struct pgr_line line;	/* valid while chip->chip is open */
	struct chip_object *chip;	/* strong reference */
	unsigned pin;
};

/* The names the Python calls take, as the CLI and the library say them. */
struct name_table {
	const char *what;	/* for the error: "function" */
	const char *choices;	/* for the error: "up, down, none" */
	size_t count;
	const struct name_value {
		const char *name;
		int value;
	} *entries;
};

static const struct name_value function_names[] = {
	{ "input", PGR_FUNC_INPUT },	{ "output", PGR_FUNC_OUTPUT },
	{ "alt0", PGR_FUNC_ALT0 },	{ "alt1", PGR_FUNC_ALT1 },
	{ "alt2", PGR_FUNC_ALT2 },	{ "alt3", PGR_FUNC_ALT3 },
	{ "alt4", PGR_FUNC_ALT4 },	{ "alt5", PGR_FUNC_ALT5 },
	{ "alt6", PGR_FUNC_ALT6 },	{ "alt7", PGR_FUNC_ALT7 },
	{ "alt8", PGR_FUNC_ALT8 },	{ "none", PGR_FUNC_NONE },
};

static const struct name_value pull_names[] = {
	{ "none", PGR_PULL_NONE }, { "down", PGR_PULL_DOWN },
	{ "up", PGR_PULL_UP },
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const struct name_table functions = {
	"function", "input, output, alt0-alt8, none",
	ARRAY_SIZE(function_names), function_names,
};

static const struct name_table pulls = {
	"pull", "up, down, none", ARRAY_SIZE(pull_names), pull_names,
};

/* ---- errors ---------------------------------------------------------- */

/*
 * Raise OSError(err, "<what>: <strerror>") for a negative errno err;
 * OSError's constructor turns it into the errno's subclass. Returns NULL.
 */
static PyObject *raise_errno(int err, PyObject *what)
{
	PyObject *msg, *exc;

	if (!what)
		return NULL;
	msg = PyUnicode_FromFormat("%U: %s", what, strerror(-err));
	Py_DECREF(what);
	if (!msg)
		return NULL;
	exc = PyObject_CallFunction(PyExc_OSError, "iO", -err, msg);
	Py_DECREF(msg);
	if (!exc)
		return NULL;
	PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
	Py_DECREF(exc);
	return NULL;
}

/* The CLI's hints after its "cannot open" line (user/cli/main.c). */
static const char *open_hint(int err)
{
	switch (-err) {
	case EACCES:
	case EPERM:
		return "\nthe node is root:gpio mode 0660 through the udev rule 60-pigpio-regs.rules;"
		       "\nadd yourself to group gpio: sudo usermod -aG gpio $USER (then log in again)";
	case ENOENT:
	case ENODEV:
	case ENXIO:
		return "\nthe pigpio_regs module is not loaded: sudo modprobe pigpio_regs"
		       "\n(or, from the source tree: sudo insmod kernel/pigpio_regs.ko)";
	case EPROTO:
		return "\nthe attributes are not what this version (" PGR_VERSION ") understands";
	}
	return "";
}

static PyObject *raise_open_error(int err, const char *device,
				  const char *attr_dir)
{
	PyObject *dev, *dir, *msg = NULL, *exc;

	/* The paths as os.fsdecode() gives them: any bytes are allowed. */
	dev = PyUnicode_DecodeFSDefault(device);
	dir = PyUnicode_DecodeFSDefault(attr_dir);
	if (dev && dir)
		msg = PyUnicode_FromFormat("cannot open %U (attributes in %U): %s%s",
					   dev, dir, strerror(-err),
					   open_hint(err));
	Py_XDECREF(dev);
	Py_XDECREF(dir);
	if (!msg)
		return NULL;
	exc = PyObject_CallFunction(PyExc_OSError, "iO", -err, msg);
	Py_DECREF(msg);
	if (!exc)
		return NULL;
	PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
	Py_DECREF(exc);
	return NULL;
}

static int check_open(const struct chip_object *self)
{
	if (self->chip)
		return 0;
	PyErr_SetString(PyExc_ValueError, "I/O operation on a closed Chip");
	return -1;
}

/* ---- argument conversion --------------------------------------------- */

/*
 * The conversions (*_arg) may run Python code (__index__) and check
 * nothing about the chip; the checks (*_check) run no Python code and come
 * after every conversion of a call, right before the chip is used.
 */

/* An int (or an object with __index__); -1 with an exception otherwise. */
static int long_arg(PyObject *obj, long *out)
{
	*out = PyLong_AsLong(obj);
	if (*out == -1 && PyErr_Occurred())
		return -1;
	return 0;
}

/* v as a pin of the open chip; -1 with ValueError otherwise. */
static int pin_check(struct chip_object *self, long v, unsigned *pin)
{
	if (check_open(self))
		return -1;
	if (v < 0 || v >= (long)pgr_chip_pin_count(self->chip)) {
		PyErr_Format(PyExc_ValueError,
			     "GPIO%ld: no such pin (%s has GPIO0-GPIO%u)", v,
			     pgr_chip_soc_name(self->chip),
			     pgr_chip_pin_count(self->chip) - 1);
		return -1;
	}
	*pin = (unsigned)v;
	return 0;
}

/* 0 or 1 (int or bool); -1 with an exception otherwise. */
static int level_arg(PyObject *obj)
{
	long v;

	if (obj == Py_True)
		return 1;
	if (obj == Py_False)
		return 0;
	v = PyLong_AsLong(obj);
	if (v == -1 && PyErr_Occurred())
		return -1;
	if (v != 0 && v != 1) {
		PyErr_Format(PyExc_ValueError, "level must be 0 or 1, not %ld", v);
		return -1;
	}
	return (int)v;
}

/*
 * The value of a str of the table; -1 with ValueError if it is none. The
 * whole str is the name: one with a NUL in it is none (not the name up to
 * the NUL).
 */
static int name_arg(PyObject *obj, const struct name_table *table, int *out)
{
	Py_ssize_t size;
	const char *name = PyUnicode_AsUTF8AndSize(obj, &size);
	size_t i;

	if (!name)
		return -1;
	if (strlen(name) != (size_t)size) {
		PyErr_Format(PyExc_ValueError,
			     "embedded null character in %s name", table->what);
		return -1;
	}
	for (i = 0; i < table->count; i++) {
		if (strcmp(name, table->entries[i].name) == 0) {
			*out = table->entries[i].value;
			return 0;
		}
	}
	PyErr_Format(PyExc_ValueError, "unknown %s '%s' (%s)", table->what,
		     name, table->choices);
	return -1;
}

/* A bank number, 32-bit mask or offset from an int (or __index__). */
static int u32_arg(PyObject *obj, const char *what, uint32_t *out)
{
	PyObject *index = PyNumber_Index(obj);
	unsigned long long v;

	if (!index)
		return -1;
	/* PyLong_AsUnsignedLongLong refuses negatives with OverflowError. */
	v = PyLong_AsUnsignedLongLong(index);
	Py_DECREF(index);
	if (v == (unsigned long long)-1 && PyErr_Occurred()) {
		if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
			PyErr_Clear();
			PyErr_Format(PyExc_ValueError,
				     "%s must be an int from 0 to 0xffffffff", what);
		}
		return -1;
	}
	if (v > 0xffffffffULL) {
		PyErr_Format(PyExc_ValueError,
			     "%s must be an int from 0 to 0xffffffff", what);
		return -1;
	}
	*out = (uint32_t)v;
	return 0;
}

/* v as a bank of the open chip; -1 with ValueError otherwise. */
static int bank_check(struct chip_object *self, uint32_t v, unsigned *bank)
{
	if (check_open(self))
		return -1;
	if (v > (pgr_chip_pin_count(self->chip) - 1) / 32) {
		PyErr_Format(PyExc_ValueError, "bank %u: no such bank (%s has 0-%u)",
			     (unsigned)v, pgr_chip_soc_name(self->chip),
			     (pgr_chip_pin_count(self->chip) - 1) / 32);
		return -1;
	}
	*bank = v;
	return 0;
}

/* ---- Chip ------------------------------------------------------------- */

static void chip_close_mapping(struct chip_object *self)
{
	pgr_chip_close(self->chip);
	self->chip = NULL;
}

static int chip_init(PyObject *op, PyObject *args, PyObject *kwds)
{
	static char *kwlist[] = { "device", "attr_dir", NULL };
	struct chip_object *self = (struct chip_object *)op;
	PyObject *device_arg = Py_None, *attr_arg = Py_None;
	PyObject *device_b = NULL, *attr_b = NULL;
	const char *device, *attr_dir;
	struct pgr_chip *chip;
	int err, ret = -1;

	if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:Chip", kwlist,
					 &device_arg, &attr_arg))
		return -1;
	if (device_arg != Py_None && !PyUnicode_FSConverter(device_arg, &device_b))
		return -1;
	if (attr_arg != Py_None && !PyUnicode_FSConverter(attr_arg, &attr_b))
		goto out;
	device = device_b ? PyBytes_AsString(device_b) : PIGPIO_REGS_DEVICE;
	attr_dir = attr_b ? PyBytes_AsString(attr_b) : NULL;
	if (!device || (attr_b && !attr_dir))
		goto out;

	/*
	 * Checked after the conversions: __fspath__ may have initialised it.
	 * Never a second window: the Lines of the first point into it.
	 */
	if (self->initialised) {
		PyErr_SetString(PyExc_RuntimeError,
				"Chip is already initialised: its Lines point into "
				"its window; open another Chip");
		goto out;
	}
	/* What a failed __init__ left (there is no window, so no Line). */
	Py_CLEAR(self->device);
	Py_CLEAR(self->attr_dir);

	err = pgr_chip_open(&chip, device, attr_dir);
	if (err < 0) {
		raise_open_error(err, device,
				 attr_dir ? attr_dir : PIGPIO_REGS_SYSFS_DIR);
		goto out;
	}
	self->chip = chip;
	self->device = PyUnicode_DecodeFSDefault(device);
	if (attr_dir)
		self->attr_dir = PyUnicode_DecodeFSDefault(attr_dir);
	else
		self->attr_dir = Py_NewRef(Py_None);
	if (!self->device || !self->attr_dir) {
		chip_close_mapping(self);
		goto out;
	}
	self->initialised = 1;
	ret = 0;
out:
	Py_XDECREF(device_b);
	Py_XDECREF(attr_b);
	return ret;
}

static void chip_dealloc(PyObject *op)
{
	struct chip_object *self = (struct chip_object *)op;
	PyTypeObject *tp = Py_TYPE(op);
	freefunc tp_free = (freefunc)PyType_GetSlot(tp, Py_tp_free);

	chip_close_mapping(self);
	Py_CLEAR(self->device);
	Py_CLEAR(self->attr_dir);
	tp_free(op);
	Py_DECREF(tp);
}

static PyObject *chip_close(PyObject *op, PyObject *Py_UNUSED(unused))
{
	chip_close_mapping((struct chip_object *)op);
	Py_RETURN_NONE;
}

static PyObject *chip_enter(PyObject *op, PyObject *Py_UNUSED(unused))
{
	if (check_open((struct chip_object *)op))
		return NULL;
	return Py_NewRef(op);
}

static PyObject *chip_exit(PyObject *op, PyObject *args)
{
	PyObject *exc_type, *exc, *tb;

	if (!PyArg_UnpackTuple(args, "__exit__", 3, 3, &exc_type, &exc, &tb))
		return NULL;
	chip_close_mapping((struct chip_object *)op);
	Py_RETURN_FALSE;
}

static PyObject *chip_repr(PyObject *op)
{
	struct chip_object *self = (struct chip_object *)op;

	if (!self->chip)
		return PyUnicode_FromString("<pigpio_regs.Chip closed>");
	return PyUnicode_FromFormat("<pigpio_regs.Chip %U %s, %u pins>",
				    self->device, pgr_chip_soc_name(self->chip),
				    pgr_chip_pin_count(self->chip));
}

/* Properties. */

static PyObject *chip_get_closed(PyObject *op, void *Py_UNUSED(closure))
{
	return PyBool_FromLong(((struct chip_object *)op)->chip == NULL);
}

#define CHIP_GETTER(name, expr)						\
static PyObject *chip_get_##name(PyObject *op, void *Py_UNUSED(closure))	\
{									\
	struct chip_object *self = (struct chip_object *)op;		\
									\
	if (check_open(self))						\
		return NULL;						\
	return expr;							\
}

CHIP_GETTER(soc, PyUnicode_FromString(pgr_chip_soc_name(self->chip)))
CHIP_GETTER(pin_count, PyLong_FromUnsignedLong(pgr_chip_pin_count(self->chip)))
CHIP_GETTER(phys_base, PyLong_FromUnsignedLongLong(pgr_chip_phys_base(self->chip)))
CHIP_GETTER(bus_base, PyLong_FromUnsignedLongLong(pgr_chip_bus_base(self->chip)))
CHIP_GETTER(window_size, PyLong_FromSize_t(pgr_chip_window_size(self->chip)))
CHIP_GETTER(block_size, PyLong_FromSize_t(pgr_chip_block_size(self->chip)))
CHIP_GETTER(pull_readable, PyBool_FromLong(pgr_chip_pull_readable(self->chip)))
CHIP_GETTER(fd, PyLong_FromLong(pgr_chip_fd(self->chip)))
CHIP_GETTER(config_path,
	    PyUnicode_FromString(pgr_chip_config_path(self->chip) ==
				 PGR_CONFIG_DRIVER ? "driver" : "mapping"))
CHIP_GETTER(device, Py_NewRef(self->device))
CHIP_GETTER(attr_dir, Py_NewRef(self->attr_dir))

static PyGetSetDef chip_getset[] = {
	{ "closed", chip_get_closed, NULL, "True once close() has run.", NULL },
	{ "soc", chip_get_soc, NULL, "The SoC: 'bcm2835', 'bcm2836', 'bcm2837', 'bcm2711' or 'rp1'.", NULL },
	{ "pin_count", chip_get_pin_count, NULL, "Number of GPIO pins (54, 58 on BCM2711).", NULL },
	{ "phys_base", chip_get_phys_base, NULL, "CPU physical address of the GPIO block.", NULL },
	{ "bus_base", chip_get_bus_base, NULL, "Bus address of the GPIO block.", NULL },
	{ "window_size", chip_get_window_size, NULL, "Bytes mapped into this process.", NULL },
	{ "block_size", chip_get_block_size, NULL, "Bytes of registers in the block.", NULL },
	{ "pull_readable", chip_get_pull_readable, NULL, "True if pulls read back (BCM2711, RP1).", NULL },
	{ "fd", chip_get_fd, NULL, "The open descriptor of the device node (owned by the Chip).", NULL },
	{ "config_path", chip_get_config_path, NULL,
	  "'driver' (ioctls under the driver's lock) or 'mapping' (read-modify-writes through the mapping).", NULL },
	{ "device", chip_get_device, NULL, "The device node that was opened.", NULL },
	{ "attr_dir", chip_get_attr_dir, NULL, "The attribute directory given, or None.", NULL },
	{ NULL, NULL, NULL, NULL, NULL },
};

/* Pin calls. */

static PyObject *pin_what(const char *verb, unsigned pin)
{
	return PyUnicode_FromFormat("%s GPIO%u", verb, pin);
}

/* None, or the exception for the library's err of "VERB GPIOn". */
static PyObject *none_or_error(int err, const char *verb, unsigned pin)
{
	if (err < 0)
		return raise_errno(err, pin_what(verb, pin));
	Py_RETURN_NONE;
}

/* The name the library gave (name NULL: a value it has no name for). */
static PyObject *name_or_error(int err, const char *name, unsigned pin)
{
	if (err < 0)
		return raise_errno(err, pin_what("get", pin));
	if (!name)
		return raise_errno(-EPROTO, pin_what("get", pin));
	return PyUnicode_FromString(name);
}

/* (pin, name) of a set_* call, checked; -1 with an exception. */
static int pin_name_args(struct chip_object *self, PyObject *args,
			 const char *format, const struct name_table *table,
			 unsigned *pin, int *value)
{
	PyObject *pin_obj, *name_obj;
	long v;

	if (!PyArg_ParseTuple(args, format, &pin_obj, &name_obj) ||
	    long_arg(pin_obj, &v) || name_arg(name_obj, table, value) ||
	    pin_check(self, v, pin))
		return -1;
	return 0;
}

/* The pin of a call that takes only a pin, checked; -1 with an exception. */
static int pin_only_arg(struct chip_object *self, PyObject *obj, unsigned *pin)
{
	long v;

	if (long_arg(obj, &v) || pin_check(self, v, pin))
		return -1;
	return 0;
}

static PyObject *chip_set_function(PyObject *op, PyObject *args)
{
	struct chip_object *self = (struct chip_object *)op;
	unsigned pin;
	int function;

	if (pin_name_args(self, args, "OU:set_function", &functions, &pin,
			  &function))
		return NULL;
	return none_or_error(pgr_pin_set_function(self->chip, pin,
						  (enum pgr_function)function),
			     "set", pin);
}

static PyObject *chip_get_function(PyObject *op, PyObject *pin_obj)
{
	struct chip_object *self = (struct chip_object *)op;
	enum pgr_function function;
	unsigned pin;
	int err;

	if (pin_only_arg(self, pin_obj, &pin))
		return NULL;
	err = pgr_pin_get_function(self->chip, pin, &function);
	return name_or_error(err, err ? NULL : pgr_function_name(function), pin);
}

static PyObject *chip_alt_name(PyObject *op, PyObject *args)
{
	struct chip_object *self = (struct chip_object *)op;
	PyObject *pin_obj, *name_obj = Py_None;
	enum pgr_function function;
	const char *name;
	unsigned pin;
	int err, value = -1;
	long v;

	if (!PyArg_ParseTuple(args, "O|O:alt_name", &pin_obj, &name_obj) ||
	    long_arg(pin_obj, &v))
		return NULL;
	if (name_obj != Py_None) {
		if (!PyUnicode_Check(name_obj)) {
			PyErr_SetString(PyExc_TypeError,
					"function must be a str or None");
			return NULL;
		}
		if (name_arg(name_obj, &functions, &value))
			return NULL;
	}
	if (pin_check(self, v, &pin))
		return NULL;
	if (name_obj == Py_None) {
		err = pgr_pin_get_function(self->chip, pin, &function);
		if (err < 0)
			return raise_errno(err, pin_what("get", pin));
	} else {
		function = (enum pgr_function)value;
	}
	name = pgr_pin_alt_name(self->chip, pin, function);
	if (!name)
		Py_RETURN_NONE;
	return PyUnicode_FromString(name);
}

static PyObject *chip_write(PyObject *op, PyObject *args)
{
	struct chip_object *self = (struct chip_object *)op;
	PyObject *pin_obj, *level_obj;
	unsigned pin;
	int level;
	long v;

	if (!PyArg_ParseTuple(args, "OO:write", &pin_obj, &level_obj) ||
	    long_arg(pin_obj, &v))
		return NULL;
	level = level_arg(level_obj);
	if (level < 0 || pin_check(self, v, &pin))
		return NULL;
	return none_or_error(pgr_pin_write(self->chip, pin, level), "set", pin);
}

static PyObject *chip_read(PyObject *op, PyObject *pin_obj)
{
	struct chip_object *self = (struct chip_object *)op;
	unsigned pin;
	int ret;

	if (pin_only_arg(self, pin_obj, &pin))
		return NULL;
	ret = pgr_pin_read(self->chip, pin);
	if (ret < 0)
		return raise_errno(ret, pin_what("get", pin));
	return PyLong_FromLong(ret);
}

static PyObject *chip_toggle(PyObject *op, PyObject *pin_obj)
{
	struct chip_object *self = (struct chip_object *)op;
	unsigned pin;

	if (pin_only_arg(self, pin_obj, &pin))
		return NULL;
	return none_or_error(pgr_pin_toggle(self->chip, pin), "toggle", pin);
}

static PyObject *chip_set_pull(PyObject *op, PyObject *args)
{
	struct chip_object *self = (struct chip_object *)op;
	unsigned pin;
	int pull;

	if (pin_name_args(self, args, "OU:set_pull", &pulls, &pin, &pull))
		return NULL;
	return none_or_error(pgr_pin_set_pull(self->chip, pin, (enum pgr_pull)pull),
			     "set", pin);
}

static PyObject *chip_get_pull(PyObject *op, PyObject *pin_obj)
{
	struct chip_object *self = (struct chip_object *)op;
	enum pgr_pull pull;
	unsigned pin;
	int err;

	if (pin_only_arg(self, pin_obj, &pin))
		return NULL;
	err = pgr_pin_get_pull(self->chip, pin, &pull);
	return name_or_error(err, err ? NULL : pgr_pull_name(pull), pin);
}

/* Bank calls. */

static PyObject *bank_what(unsigned bank)
{
	return PyUnicode_FromFormat("bank %u", bank);
}

static PyObject *chip_bank_read(PyObject *op, PyObject *bank_obj)
{
	struct chip_object *self = (struct chip_object *)op;
	uint32_t bank_v, v;
	unsigned bank;
	int err;

	if (u32_arg(bank_obj, "bank", &bank_v) || bank_check(self, bank_v, &bank))
		return NULL;
	err = pgr_bank_read(self->chip, bank, &v);
	if (err < 0)
		return raise_errno(err, bank_what(bank));
	return PyLong_FromUnsignedLong(v);
}

static PyObject *bank_store(PyObject *op, PyObject *args, int set)
{
	struct chip_object *self = (struct chip_object *)op;
	PyObject *bank_obj, *mask_obj;
	uint32_t bank_v, mask;
	unsigned bank;
	int err;

	if (!PyArg_ParseTuple(args, set ? "OO:bank_set" : "OO:bank_clear",
			      &bank_obj, &mask_obj) ||
	    u32_arg(bank_obj, "bank", &bank_v) ||
	    u32_arg(mask_obj, "mask", &mask) || bank_check(self, bank_v, &bank))
		return NULL;
	err = set ? pgr_bank_set(self->chip, bank, mask) :
		    pgr_bank_clear(self->chip, bank, mask);
	if (err < 0)
		return raise_errno(err, bank_what(bank));
	Py_RETURN_NONE;
}

static PyObject *chip_bank_set(PyObject *op, PyObject *args)
{
	return bank_store(op, args, 1);
}

static PyObject *chip_bank_clear(PyObject *op, PyObject *args)
{
	return bank_store(op, args, 0);
}

static PyObject *chip_bank_write(PyObject *op, PyObject *args)
{
	struct chip_object *self = (struct chip_object *)op;
	PyObject *bank_obj, *mask_obj, *values_obj;
	uint32_t bank_v, mask, values;
	unsigned bank;
	int err;

	if (!PyArg_ParseTuple(args, "OOO:bank_write", &bank_obj, &mask_obj,
			      &values_obj) ||
	    u32_arg(bank_obj, "bank", &bank_v) ||
	    u32_arg(mask_obj, "mask", &mask) ||
	    u32_arg(values_obj, "values", &values) ||
	    bank_check(self, bank_v, &bank))
		return NULL;
	err = pgr_bank_write(self->chip, bank, mask, values);
	if (err < 0)
		return raise_errno(err, bank_what(bank));
	Py_RETURN_NONE;
}

static PyObject *chip_peek(PyObject *op, PyObject *offset_obj)
{
	struct chip_object *self = (struct chip_object *)op;
	uint32_t offset, v;
	int err;

	if (u32_arg(offset_obj, "offset", &offset) || check_open(self))
		return NULL;
	err = pgr_chip_peek(self->chip, offset, &v);
	if (err < 0)
		return raise_errno(err, PyUnicode_FromFormat("peek 0x%03x",
							     (unsigned)offset));
	return PyLong_FromUnsignedLong(v);
}

static PyObject *chip_line(PyObject *op, PyObject *pin_obj);

static PyMethodDef chip_methods[] = {
	{ "close", chip_close, METH_NOARGS,
	  "close($self)\n--\n\nUnmap the window and close the node. Lines of this "
	  "chip raise ValueError from now on. Closing twice is allowed." },
	{ "__enter__", chip_enter, METH_NOARGS,
	  "__enter__($self)\n--\n\nThe chip itself (ValueError if it is closed)." },
	{ "__exit__", chip_exit, METH_VARARGS,
	  "__exit__($self, exc_type, exc, tb, /)\n--\n\nClose the chip; False: an "
	  "exception goes on." },
	{ "set_function", chip_set_function, METH_VARARGS,
	  "set_function($self, pin, function, /)\n--\n\nSelect the pin's function: "
	  "'input', 'output', 'alt0'..'alt5' ('alt6'..'alt8' and 'none' on "
	  "the RP1 only)." },
	{ "get_function", chip_get_function, METH_O,
	  "get_function($self, pin, /)\n--\n\nThe pin's function, as set_function() "
	  "names it." },
	{ "alt_name", chip_alt_name, METH_VARARGS,
	  "alt_name($self, pin, function=None, /)\n--\n\nThe datasheet's name of an "
	  "ALT function of the pin ('TXD0' for GPIO14 'alt0'), by default "
	  "of its current function; None for input, output or a reserved "
	  "function." },
	{ "write", chip_write, METH_VARARGS,
	  "write($self, pin, level, /)\n--\n\nDrive the pin's output latch: level 1 or "
	  "True high, 0 or False low (one store)." },
	{ "read", chip_read, METH_O,
	  "read($self, pin, /)\n--\n\nThe pin's level, 0 or 1 (one load)." },
	{ "toggle", chip_toggle, METH_O,
	  "toggle($self, pin, /)\n--\n\nDrive the opposite of the pin's level." },
	{ "set_pull", chip_set_pull, METH_VARARGS,
	  "set_pull($self, pin, pull, /)\n--\n\nSet the pin's pull: 'up', 'down' or "
	  "'none'." },
	{ "get_pull", chip_get_pull, METH_O,
	  "get_pull($self, pin, /)\n--\n\nThe pin's pull: 'up', 'down', 'none', or "
	  "'unknown' where the SoC cannot read it back (BCM2835/6/7)." },
	{ "bank_read", chip_bank_read, METH_O,
	  "bank_read($self, bank, /)\n--\n\nThe levels of bank's pins (bank 0: GPIO0-31, "
	  "1: GPIO32 on) as a mask." },
	{ "bank_set", chip_bank_set, METH_VARARGS,
	  "bank_set($self, bank, mask, /)\n--\n\nDrive the pins of mask high (one store)." },
	{ "bank_clear", chip_bank_clear, METH_VARARGS,
	  "bank_clear($self, bank, mask, /)\n--\n\nDrive the pins of mask low (one store)." },
	{ "bank_write", chip_bank_write, METH_VARARGS,
	  "bank_write($self, bank, mask, values, /)\n--\n\nDrive the pins of mask to "
	  "their bits in values (a set store, then a clear store)." },
	{ "peek", chip_peek, METH_O,
	  "peek($self, offset, /)\n--\n\nThe 32-bit register at byte offset of the block, "
	  "through the mapping." },
	{ "line", chip_line, METH_O,
	  "line($self, pin, /)\n--\n\nA Line: the pin's fast handle, checked once here." },
	{ NULL, NULL, 0, NULL },
};

static PyType_Slot chip_slots[] = {
	{ Py_tp_doc, (void *)
	  "Chip(device=None, attr_dir=None)\n--\n\n"
	  "The GPIO register window of /dev/pigpio_regs (or device), mapped "
	  "into this process. attr_dir names the attribute directory for a "
	  "node that is not the driver (a simulated block). A context "
	  "manager: leaving the with block closes it." },
	{ Py_tp_new, PyType_GenericNew },
	{ Py_tp_init, chip_init },
	{ Py_tp_dealloc, chip_dealloc },
	{ Py_tp_repr, chip_repr },
	{ Py_tp_methods, chip_methods },
	{ Py_tp_getset, chip_getset },
	{ 0, NULL },
};

static PyType_Spec chip_spec = {
	.name = "pigpio_regs.Chip",
	.basicsize = sizeof(struct chip_object),
	.flags = Py_TPFLAGS_DEFAULT,
	.slots = chip_slots,
};

/* ---- Line --------------------------------------------------------------- */

static int line_check(const struct line_object *self)
{
	if (self->chip->chip)
		return 0;
	PyErr_SetString(PyExc_ValueError, "I/O operation on a Line of a closed Chip");
	return -1;
}

static PyObject *chip_line(PyObject *op, PyObject *pin_obj)
{
	struct chip_object *self = (struct chip_object *)op;
	struct module_state *st;
	struct line_object *line;
	PyObject *module;
	unsigned pin;
	int err;
	long v;

	if (long_arg(pin_obj, &v))
		return NULL;
	module = PyType_GetModule(Py_TYPE(op));
	if (!module)
		return NULL;
	st = PyModule_GetState(module);
	if (!st || !st->line_type) {	/* the module is being torn down */
		PyErr_SetString(PyExc_RuntimeError, "pigpio_regs is shut down");
		return NULL;
	}
	line = PyObject_New(struct line_object, st->line_type);
	if (!line)
		return NULL;
	line->chip = (struct chip_object *)Py_NewRef(op);
	if (pin_check(self, v, &pin)) {
		Py_DECREF(line);
		return NULL;
	}
	line->pin = pin;
	err = pgr_line_init(self->chip, pin, &line->line);
	if (err < 0) {
		Py_DECREF(line);
		return raise_errno(err, pin_what("line", pin));
	}
	return (PyObject *)line;
}

static void line_dealloc(PyObject *op)
{
	struct line_object *self = (struct line_object *)op;
	PyTypeObject *tp = Py_TYPE(op);

	Py_CLEAR(self->chip);
	PyObject_Free(op);
	Py_DECREF(tp);
}

/*
 * The hot methods: a closed-check (one load), the store or load, and a
 * preallocated result (None, or a cached small int). No allocation.
 */
static PyObject *line_high(PyObject *op, PyObject *Py_UNUSED(unused))
{
	struct line_object *self = (struct line_object *)op;

	if (line_check(self))
		return NULL;
	pgr_line_high(&self->line);
	Py_RETURN_NONE;
}

static PyObject *line_low(PyObject *op, PyObject *Py_UNUSED(unused))
{
	struct line_object *self = (struct line_object *)op;

	if (line_check(self))
		return NULL;
	pgr_line_low(&self->line);
	Py_RETURN_NONE;
}

static PyObject *line_write(PyObject *op, PyObject *level_obj)
{
	struct line_object *self = (struct line_object *)op;
	int level = level_arg(level_obj);	/* may run __index__: first */

	if (level < 0 || line_check(self))
		return NULL;
	pgr_line_write(&self->line, level);
	Py_RETURN_NONE;
}

static PyObject *line_read(PyObject *op, PyObject *Py_UNUSED(unused))
{
	struct line_object *self = (struct line_object *)op;

	if (line_check(self))
		return NULL;
	/* 0 and 1 are the interpreter's cached small ints. */
	return PyLong_FromLong(pgr_line_read(&self->line));
}

static PyObject *line_toggle(PyObject *op, PyObject *Py_UNUSED(unused))
{
	struct line_object *self = (struct line_object *)op;

	if (line_check(self))
		return NULL;
	pgr_line_toggle(&self->line);
	Py_RETURN_NONE;
}

static PyObject *line_get_pin(PyObject *op, void *Py_UNUSED(closure))
{
	return PyLong_FromUnsignedLong(((struct line_object *)op)->pin);
}

static PyObject *line_get_chip(PyObject *op, void *Py_UNUSED(closure))
{
	return Py_NewRef((PyObject *)((struct line_object *)op)->chip);
}

static PyObject *line_repr(PyObject *op)
{
	struct line_object *self = (struct line_object *)op;

	return PyUnicode_FromFormat("<pigpio_regs.Line GPIO%u%s>", self->pin,
				    self->chip->chip ? "" : " (chip closed)");
}

static PyMethodDef line_methods[] = {
	{ "high", line_high, METH_NOARGS,
	  "high($self)\n--\n\nDrive the pin high: one store to its set register." },
	{ "low", line_low, METH_NOARGS,
	  "low($self)\n--\n\nDrive the pin low: one store to its clear register." },
	{ "write", line_write, METH_O,
	  "write($self, level, /)\n--\n\nDrive the pin to level (0/False or 1/True): one "
	  "store." },
	{ "read", line_read, METH_NOARGS,
	  "read($self)\n--\n\nThe pin's level, 0 or 1: one load." },
	{ "toggle", line_toggle, METH_NOARGS,
	  "toggle($self)\n--\n\nDrive the opposite of the pin's level: one load, "
	  "one store." },
	{ NULL, NULL, 0, NULL },
};

static PyGetSetDef line_getset[] = {
	{ "pin", line_get_pin, NULL, "The GPIO number.", NULL },
	{ "chip", line_get_chip, NULL, "The Chip this line belongs to.", NULL },
	{ NULL, NULL, NULL, NULL, NULL },
};

static PyType_Slot line_slots[] = {
	{ Py_tp_doc, (void *)
	  "A pin's fast handle, made by Chip.line(pin): the pin is checked "
	  "once there, and each call after is one store or load through the "
	  "mapping. It keeps its Chip alive; after Chip.close() every call "
	  "raises ValueError." },
	{ Py_tp_dealloc, line_dealloc },
	{ Py_tp_repr, line_repr },
	{ Py_tp_methods, line_methods },
	{ Py_tp_getset, line_getset },
	{ 0, NULL },
};

static PyType_Spec line_spec = {
	.name = "pigpio_regs.Line",
	.basicsize = sizeof(struct line_object),
	/* Made only by Chip.line(). */
	.flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
	.slots = line_slots,
};

/* ---- module ------------------------------------------------------------- */

static PyObject *mod_library_version(PyObject *Py_UNUSED(m),
				     PyObject *Py_UNUSED(unused))
{
	return PyUnicode_FromString(pgr_version());
}

static PyObject *mod_function_names(PyObject *Py_UNUSED(m),
				    PyObject *Py_UNUSED(unused))
{
	PyObject *t = PyTuple_New(ARRAY_SIZE(function_names));
	size_t i;

	if (!t)
		return NULL;
	for (i = 0; i < ARRAY_SIZE(function_names); i++) {
		PyObject *s = PyUnicode_FromString(function_names[i].name);

		if (!s || PyTuple_SetItem(t, (Py_ssize_t)i, s) < 0) {
			Py_DECREF(t);
			return NULL;
		}
	}
	return t;
}

/*
 * pin_state_set(pin, value): the gpiozero factory's Pin.state setter
 * (pigpio_regs.gpiozero_factory), so that a state write from gpiozero is
 * one C call after the property: while the pin is a plain output with no
 * PWM, pin._fast is its Line and the value is one store, as Line.write();
 * otherwise pin._fast is None and pin._set_state(value) decides.
 */
static PyObject *mod_pin_state_set(PyObject *module, PyObject *const *args,
				   Py_ssize_t nargs)
{
	struct module_state *st = PyModule_GetState(module);
	struct line_object *line;
	PyObject *fast;
	int level;

	if (nargs != 2) {
		PyErr_SetString(PyExc_TypeError, "pin_state_set(pin, value)");
		return NULL;
	}
	if (!st || !st->fast_name) {	/* the module is being torn down */
		PyErr_SetString(PyExc_RuntimeError, "pigpio_regs is shut down");
		return NULL;
	}
	fast = PyObject_GetAttr(args[0], st->fast_name);
	if (!fast)
		return NULL;
	if (Py_TYPE(fast) != st->line_type) {
		Py_DECREF(fast);
		return PyObject_CallMethodObjArgs(args[0], st->set_state_name,
						  args[1], NULL);
	}
	line = (struct line_object *)fast;
	/* _fast's getter and __bool__ may close the chip: checked after. */
	level = PyObject_IsTrue(args[1]);
	if (level < 0 || line_check(line)) {
		Py_DECREF(fast);
		return NULL;
	}
	pgr_line_write(&line->line, level);
	Py_DECREF(fast);
	Py_RETURN_NONE;
}

/* ---- Timer -------------------------------------------------------------- */

/*
 * The system timer, read-only (pgr_timer_*). A busy-wait holds the GIL,
 * as every call here does: close() from another thread cannot unmap the
 * page under it. So delay_us() is for short delays: at most one second.
 */
#define TIMER_DELAY_MAX_US	1000000

struct timer_object {
	PyObject_HEAD
	struct pgr_timer timer;	/* fd -1 once closed (or never opened) */
	PyObject *device;	/* str: the node that was opened */
	int initialised;
};

static int timer_check(const struct timer_object *self)
{
	if (self->timer.fd >= 0)
		return 0;
	PyErr_SetString(PyExc_ValueError, "I/O operation on a closed Timer");
	return -1;
}

static int timer_init(PyObject *op, PyObject *args, PyObject *kwds)
{
	static char *kwlist[] = { "device", NULL };
	struct timer_object *self = (struct timer_object *)op;
	PyObject *device_arg = Py_None, *device_b = NULL;
	const char *device;
	int err, ret = -1;

	if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:Timer", kwlist,
					 &device_arg))
		return -1;
	if (device_arg != Py_None && !PyUnicode_FSConverter(device_arg, &device_b))
		return -1;
	device = device_b ? PyBytes_AsString(device_b) : PIGPIO_REGS_TIMER_DEVICE;
	if (!device)
		goto out;
	if (self->initialised) {
		PyErr_SetString(PyExc_RuntimeError,
				"Timer is already initialised; open another Timer");
		goto out;
	}
	Py_CLEAR(self->device);
	err = pgr_timer_open(&self->timer, device);
	if (err < 0) {
		raise_errno(err, err == -ENODEV ?
			    PyUnicode_FromFormat("cannot open %s: this board's GPIO is an RP1 (Raspberry Pi 5), which has no system timer the driver serves; use time.monotonic_ns() (CLOCK_MONOTONIC)",
						 device) :
			    PyUnicode_FromFormat("cannot open %s", device));
		goto out;
	}
	self->device = PyUnicode_DecodeFSDefault(device);
	if (!self->device) {
		pgr_timer_close(&self->timer);
		goto out;
	}
	self->initialised = 1;
	ret = 0;
out:
	Py_XDECREF(device_b);
	return ret;
}

static PyObject *timer_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
	struct timer_object *self;

	self = (struct timer_object *)PyType_GenericNew(type, args, kwds);
	if (self)
		self->timer.fd = -1;
	return (PyObject *)self;
}

static void timer_dealloc(PyObject *op)
{
	struct timer_object *self = (struct timer_object *)op;
	PyTypeObject *tp = Py_TYPE(op);
	freefunc tp_free = (freefunc)PyType_GetSlot(tp, Py_tp_free);

	pgr_timer_close(&self->timer);
	Py_CLEAR(self->device);
	tp_free(op);
	Py_DECREF(tp);
}

static PyObject *timer_close(PyObject *op, PyObject *Py_UNUSED(unused))
{
	pgr_timer_close(&((struct timer_object *)op)->timer);
	Py_RETURN_NONE;
}

static PyObject *timer_enter(PyObject *op, PyObject *Py_UNUSED(unused))
{
	if (timer_check((struct timer_object *)op))
		return NULL;
	return Py_NewRef(op);
}

static PyObject *timer_exit(PyObject *op, PyObject *args)
{
	PyObject *exc_type, *exc, *tb;

	if (!PyArg_UnpackTuple(args, "__exit__", 3, 3, &exc_type, &exc, &tb))
		return NULL;
	pgr_timer_close(&((struct timer_object *)op)->timer);
	Py_RETURN_FALSE;
}

static PyObject *timer_read(PyObject *op, PyObject *Py_UNUSED(unused))
{
	struct timer_object *self = (struct timer_object *)op;

	if (timer_check(self))
		return NULL;
	return PyLong_FromUnsignedLongLong(pgr_timer_read(&self->timer));
}

static PyObject *timer_read32(PyObject *op, PyObject *Py_UNUSED(unused))
{
	struct timer_object *self = (struct timer_object *)op;

	if (timer_check(self))
		return NULL;
	return PyLong_FromUnsignedLong(pgr_timer_read32(&self->timer));
}

static PyObject *timer_delay_us(PyObject *op, PyObject *us_obj)
{
	struct timer_object *self = (struct timer_object *)op;
	long us;

	if (long_arg(us_obj, &us))
		return NULL;
	if (us < 0 || us > TIMER_DELAY_MAX_US) {
		PyErr_Format(PyExc_ValueError,
			     "delay %ld us out of range (0-%d): use time.sleep() for longer",
			     us, TIMER_DELAY_MAX_US);
		return NULL;
	}
	if (timer_check(self))
		return NULL;
	return PyLong_FromUnsignedLongLong(pgr_timer_delay_us(&self->timer,
							      (uint64_t)us));
}

static PyObject *timer_get_closed(PyObject *op, void *Py_UNUSED(closure))
{
	return PyBool_FromLong(((struct timer_object *)op)->timer.fd < 0);
}

static PyObject *timer_get_device(PyObject *op, void *Py_UNUSED(closure))
{
	struct timer_object *self = (struct timer_object *)op;

	return Py_NewRef(self->device ? self->device : Py_None);
}

static PyObject *timer_repr(PyObject *op)
{
	struct timer_object *self = (struct timer_object *)op;

	if (!self->device)
		return PyUnicode_FromString("<pigpio_regs.Timer (not opened)>");
	return PyUnicode_FromFormat("<pigpio_regs.Timer %R%s>", self->device,
				    self->timer.fd < 0 ? " (closed)" : "");
}

static PyMethodDef timer_methods[] = {
	{ "close", timer_close, METH_NOARGS,
	  "close($self)\n--\n\nUnmap the timer's page and close the node. Twice is "
	  "allowed." },
	{ "__enter__", timer_enter, METH_NOARGS,
	  "__enter__($self)\n--\n\nThe timer itself (ValueError if it is closed)." },
	{ "__exit__", timer_exit, METH_VARARGS,
	  "__exit__($self, exc_type, exc, tb, /)\n--\n\nClose the timer; False: an "
	  "exception goes on." },
	{ "read", timer_read, METH_NOARGS,
	  "read($self)\n--\n\nMicroseconds since the SoC started, 64 bits (never "
	  "torn across the low word's wrap)." },
	{ "read32", timer_read32, METH_NOARGS,
	  "read32($self)\n--\n\nThe low 32 bits alone, one load (pigpio's tick: wraps "
	  "every 71.6 minutes)." },
	{ "delay_us", timer_delay_us, METH_O,
	  "delay_us($self, us, /)\n--\n\nBusy-wait until the count has advanced by at "
	  "least us microseconds (0-1000000; holds the GIL); returns the count "
	  "then." },
	{ NULL, NULL, 0, NULL },
};

static PyGetSetDef timer_getset[] = {
	{ "closed", timer_get_closed, NULL, "True once close() has run.", NULL },
	{ "device", timer_get_device, NULL, "The node that was opened.", NULL },
	{ NULL, NULL, NULL, NULL, NULL },
};

static PyType_Slot timer_slots[] = {
	{ Py_tp_doc, (void *)
	  "Timer(device=None)\n--\n\n"
	  "The SoC's free-running 1 MHz system timer, mapped read-only from "
	  "/dev/pigpio_timer (or device). Not on a Raspberry Pi 5: OSError "
	  "ENODEV, use time.monotonic_ns(). A context manager." },
	{ Py_tp_new, timer_new },
	{ Py_tp_init, timer_init },
	{ Py_tp_dealloc, timer_dealloc },
	{ Py_tp_repr, timer_repr },
	{ Py_tp_methods, timer_methods },
	{ Py_tp_getset, timer_getset },
	{ 0, NULL },
};

static PyType_Spec timer_spec = {
	.name = "pigpio_regs.Timer",
	.basicsize = sizeof(struct timer_object),
	.flags = Py_TPFLAGS_DEFAULT,
	.slots = timer_slots,
};

static int mod_exec(PyObject *m)
{
	struct module_state *st = PyModule_GetState(m);

	st->chip_type = (PyTypeObject *)PyType_FromModuleAndSpec(m, &chip_spec, NULL);
	if (!st->chip_type || PyModule_AddType(m, st->chip_type) < 0)
		return -1;
	st->line_type = (PyTypeObject *)PyType_FromModuleAndSpec(m, &line_spec, NULL);
	if (!st->line_type || PyModule_AddType(m, st->line_type) < 0)
		return -1;
	st->timer_type = (PyTypeObject *)PyType_FromModuleAndSpec(m, &timer_spec, NULL);
	if (!st->timer_type || PyModule_AddType(m, st->timer_type) < 0)
		return -1;
	st->fast_name = PyUnicode_InternFromString("_fast");
	st->set_state_name = PyUnicode_InternFromString("_set_state");
	if (!st->fast_name || !st->set_state_name)
		return -1;
	if (PyModule_AddStringConstant(m, "__version__", PGR_VERSION) < 0 ||
	    PyModule_AddStringConstant(m, "DEFAULT_DEVICE", PIGPIO_REGS_DEVICE) < 0 ||
	    PyModule_AddStringConstant(m, "DEFAULT_ATTR_DIR", PIGPIO_REGS_SYSFS_DIR) < 0 ||
	    PyModule_AddStringConstant(m, "DEFAULT_TIMER_DEVICE", PIGPIO_REGS_TIMER_DEVICE) < 0)
		return -1;
	return 0;
}

static int mod_traverse(PyObject *m, visitproc visit, void *arg)
{
	struct module_state *st = PyModule_GetState(m);

	Py_VISIT(st->chip_type);
	Py_VISIT(st->line_type);
	Py_VISIT(st->timer_type);
	Py_VISIT(st->fast_name);
	Py_VISIT(st->set_state_name);
	return 0;
}

static int mod_clear(PyObject *m)
{
	struct module_state *st = PyModule_GetState(m);

	Py_CLEAR(st->chip_type);
	Py_CLEAR(st->line_type);
	Py_CLEAR(st->timer_type);
	Py_CLEAR(st->fast_name);
	Py_CLEAR(st->set_state_name);
	return 0;
}

static void mod_free(void *m)
{
	mod_clear(m);
}

static PyMethodDef mod_methods[] = {
	{ "library_version", mod_library_version, METH_NOARGS,
	  "library_version($module)\n--\n\nThe version of libpigpioregs linked in "
	  "(pgr_version())." },
	{ "function_names", mod_function_names, METH_NOARGS,
	  "function_names($module)\n--\n\nEvery function name set_function() takes." },
	{ "pin_state_set", (PyCFunction)(void (*)(void))mod_pin_state_set,
	  METH_FASTCALL,
	  "pin_state_set($module, pin, value, /)\n--\n\nThe gpiozero factory's "
	  "Pin.state setter: one store through pin._fast (a Line) while it is "
	  "one, else pin._set_state(value)." },
	{ NULL, NULL, 0, NULL },
};

static PyModuleDef_Slot mod_slots[] = {
	{ Py_mod_exec, (void *)mod_exec },
	{ 0, NULL },
};

static struct PyModuleDef module_def = {
	PyModuleDef_HEAD_INIT,
	.m_name = "pigpio_regs._pigpio_regs",
	.m_doc = "libpigpioregs: Raspberry Pi GPIO registers mapped through "
		 "/dev/pigpio_regs. Use the pigpio_regs package.",
	.m_size = sizeof(struct module_state),
	.m_methods = mod_methods,
	.m_slots = mod_slots,
	.m_traverse = mod_traverse,
	.m_clear = mod_clear,
	.m_free = mod_free,
};

PyMODINIT_FUNC PyInit__pigpio_regs(void);

PyMODINIT_FUNC PyInit__pigpio_regs(void)
{
	return PyModuleDef_Init(&module_def);
}
