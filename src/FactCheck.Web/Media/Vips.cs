using System.Runtime.InteropServices;

namespace FactCheck;

/// <summary>
/// The few libvips calls FactCheck needs (Debian's libvips42, 8.14), and nothing more. Images are
/// owned by <see cref="VipsImage"/> handles so nothing leaks when a request fails half-way.
/// Variadic libvips functions are declared with their fixed arguments and the NULL terminator only:
/// passing optional arguments through P/Invoke varargs is not portable, so options go in the
/// "[Q=80,strip]" suffix of save strings instead.
/// </summary>
internal static partial class Vips
{
    private const string Library = "libvips.so.42";
    // GLib through libvips itself: NetVips.Native's libvips (which .NET now loads for this name too, see
    // ShareCards) carries its own GLib, and its objects must be freed by that one. With Debian's libvips,
    // dlsym on its handle finds the symbols in the GLib it links to.
    private const string GLib = Library;
    private const string GObject = Library;

    public const int InterpretationSrgb = 22;
    public const int FormatUchar = 0;

    private static readonly Lazy<string?> startup = new(Start);

    /// <summary>Why libvips cannot be used on this machine, or null when it is ready.</summary>
    public static string? Problem => startup.Value;

    private static string? Start()
    {
        try
        {
            LimitModules();
            if (vips_init("factcheck") != 0) return "libvips failed to start: " + TakeError();
            // Only loaders libvips considers safe for untrusted input: no ImageMagick, no PDF, no SVG.
            vips_block_untrusted_set(1);
            // Each upload is processed once: the operation cache would only hold decoded images in memory.
            vips_cache_set_max(0);
            return null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return "libvips is not installed (Debian package libvips42): " + e.Message;
        }
    }

    /// <summary>
    /// libvips loads its optional modules with RTLD_GLOBAL, and Debian's openslide module drags in the
    /// system libsqlite3, whose symbols then collide with the SQLite bundled with EF Core and crash the
    /// process inside sqlite3_step. So libvips gets a module folder of its own (VIPSHOME) holding only
    /// the HEIF loader; ImageMagick, PDF, JPEG-XL and slide loaders are never loaded at all.
    /// </summary>
    private static void LimitModules()
    {
        var system = new[] { "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib", "/usr/local/lib" }
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateDirectories(d, "vips-modules-*"))
            .FirstOrDefault();
        var home = Path.Combine(Path.GetTempPath(), "factcheck-vips");
        var modules = Path.Combine(home, "lib", system is null ? "vips-modules" : Path.GetFileName(system));
        Directory.CreateDirectory(modules);
        var heif = system is null ? null : Path.Combine(system, "vips-heif.so");
        var link = Path.Combine(modules, "vips-heif.so");
        if (heif is not null && File.Exists(heif) && !File.Exists(link))
        {
            try { File.CreateSymbolicLink(link, heif); } catch (IOException) { /* another process made it */ }
        }
        // .NET keeps its own copy of the environment; libvips reads the C one.
        setenv("VIPSHOME", home, 1);
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);

    /// <summary>libvips's own message for the last failure, cleared afterwards.</summary>
    public static string TakeError()
    {
        var message = Marshal.PtrToStringUTF8(vips_error_buffer())?.Trim() ?? "";
        vips_error_clear();
        return message.Length > 0 ? message.Split('\n')[0] : "unknown libvips error";
    }

    public static VipsImage Check(IntPtr image) =>
        image == IntPtr.Zero ? throw new VipsException(TakeError()) : new VipsImage(image);

    public static VipsImage Check(int result, IntPtr image) =>
        result != 0 ? throw new VipsException(TakeError()) : new VipsImage(image);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int vips_init(string argv0);

    [LibraryImport(Library)]
    private static partial void vips_block_untrusted_set(int state);

    [LibraryImport(Library)]
    private static partial void vips_cache_set_max(int max);

    [LibraryImport(Library)]
    private static partial IntPtr vips_error_buffer();

    [LibraryImport(Library)]
    private static partial void vips_error_clear();

    [LibraryImport(Library)]
    public static unsafe partial IntPtr vips_foreign_find_load_buffer(byte* data, nuint size);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial IntPtr vips_image_new_from_buffer(byte* data, nuint size, string options, IntPtr terminator);

    [LibraryImport(Library)]
    public static unsafe partial IntPtr vips_image_new_from_memory_copy(byte* data, nuint size, int width, int height, int bands, int format);

    [LibraryImport(Library)]
    public static partial int vips_image_get_width(VipsImage image);

    [LibraryImport(Library)]
    public static partial int vips_image_get_height(VipsImage image);

    [LibraryImport(Library)]
    public static partial int vips_image_get_bands(VipsImage image);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nuint vips_image_get_typeof(VipsImage image, string name);

    [LibraryImport(Library)]
    public static partial int vips_autorot(VipsImage input, out IntPtr output, IntPtr terminator);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_icc_transform(VipsImage input, out IntPtr output, string profile, IntPtr terminator);

    [LibraryImport(Library)]
    public static partial int vips_colourspace(VipsImage input, out IntPtr output, int space, IntPtr terminator);

    [LibraryImport(Library)]
    public static partial int vips_cast(VipsImage input, out IntPtr output, int format, IntPtr terminator);

    [LibraryImport(Library)]
    public static partial int vips_resize(VipsImage input, out IntPtr output, double scale, IntPtr terminator);

    [LibraryImport(Library)]
    public static partial IntPtr vips_image_write_to_memory(VipsImage input, out nuint size);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_image_write_to_buffer(VipsImage input, string suffix, out IntPtr buffer, out nuint size, IntPtr terminator);

    [LibraryImport(GLib)]
    public static partial void g_free(IntPtr memory);

    [LibraryImport(GObject)]
    internal static partial void g_object_unref(IntPtr instance);

    /// <summary>Copies a g_malloc'ed buffer into managed memory and frees it.</summary>
    public static unsafe byte[] TakeBuffer(IntPtr buffer, nuint size)
    {
        try { return new ReadOnlySpan<byte>((void*)buffer, checked((int)size)).ToArray(); }
        finally { g_free(buffer); }
    }
}

/// <summary>A reference to a VipsImage, released with g_object_unref.</summary>
internal sealed class VipsImage : SafeHandle
{
    public VipsImage() : base(IntPtr.Zero, ownsHandle: true) { }
    public VipsImage(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    public int Width => Vips.vips_image_get_width(this);
    public int Height => Vips.vips_image_get_height(this);
    public int Bands => Vips.vips_image_get_bands(this);

    protected override bool ReleaseHandle()
    {
        Vips.g_object_unref(handle);
        return true;
    }
}

/// <summary>libvips refused an operation; the message is libvips's own.</summary>
public sealed class VipsException(string message) : Exception(message);
