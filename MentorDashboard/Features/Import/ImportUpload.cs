using System.ComponentModel.DataAnnotations;

namespace MentorDashboard.Features.Import;

/// <summary>Settings of the import; section <c>Import</c>.</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>The largest file a coordinator may upload, in megabytes. A 100,000-row contact log with long
    /// notes is about 60 MB.</summary>
    [Range(1, 2048, ErrorMessage = "Import:MaxUploadMegabytes must be between 1 and 2048.")]
    public int MaxUploadMegabytes { get; set; } = 100;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;
}

/// <summary>
/// An uploaded file kept in a temporary file while the coordinator maps, checks and imports it; it is read from
/// disk each time, never held in memory, and deleted when disposed.
/// </summary>
public sealed class ImportUpload : IDisposable
{
    private static readonly string Folder =
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mentordashboard-imports");

    private ImportUpload(string path, string fileName, long size)
    {
        Path = path;
        FileName = fileName;
        Size = size;
    }

    public string Path { get; }

    /// <summary>The name the file had on the coordinator's computer, for messages and the import record.</summary>
    public string FileName { get; }

    public long Size { get; }

    /// <summary>
    /// Copies <paramref name="content"/> to a temporary file, refusing it as soon as it passes
    /// <paramref name="maxBytes"/> (a browser can claim any size up front).
    /// </summary>
    public static async Task<ImportUpload?> SaveAsync(
        Stream content, string fileName, long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var path = System.IO.Path.Combine(Folder, Guid.NewGuid().ToString("N"));
        var buffer = new byte[81920];
        long size = 0;
        try
        {
            await using (var file = File.Create(path))
            {
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        break;
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (size <= maxBytes)
            {
                var name = System.IO.Path.GetFileName(fileName);
                return new ImportUpload(path, name.Length > 255 ? name[..255] : name, size);
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        File.Delete(path);
        return null;
    }

    public void Dispose() => File.Delete(Path);
}
