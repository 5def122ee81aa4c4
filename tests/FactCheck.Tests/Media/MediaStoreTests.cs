namespace FactCheck.Tests.Media;

/// <summary>The local-folder media store, on a real temporary folder.</summary>
public sealed class MediaStoreTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "factcheck-media", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Files_are_saved_found_opened_and_deleted_by_content_hash_name()
    {
        IMediaStore store = new LocalMediaStore(folder);
        var bytes = TestImages.Png(4, 3, TestImages.Pattern);
        var name = MediaLibrary.NameOf(bytes, ".png");
        Assert.False(store.Exists(name));

        await store.SaveAsync(name, bytes);
        await store.SaveAsync(name, bytes); // the same content again: nothing changes

        Assert.True(store.Exists(name));
        Assert.Equal(bytes.Length, store.Find(name).Length);
        using (var stream = store.Open(name))
        using (var copy = new MemoryStream())
        {
            await stream.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }
        Assert.Equal([name], Directory.GetFiles(folder).Select(Path.GetFileName)); // no temporary files left behind

        await store.DeleteAsync(name);
        await store.DeleteAsync(name);
        Assert.False(store.Exists(name));
    }

    [Theory]
    [InlineData("../escape.png")]
    [InlineData("/etc/passwd")]
    [InlineData("0123456789abcdef0123456789abcdef.png/../../x")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF.png")]
    public async Task Only_content_hash_names_reach_the_file_system(string name)
    {
        IMediaStore store = new LocalMediaStore(folder);
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(name, [1, 2, 3]));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(name));
        Assert.False(store.Exists(name));
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
