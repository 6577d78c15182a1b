using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MentorDashboard.Data;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Features.SupportContacts;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Import;

/// <summary>
/// Imports a support-contact log: one row per contact with a match that is already here. A contact is found
/// again by the file's contact id, or, when the file has none, by its match, date and note together.
/// </summary>
internal sealed class ContactLogImporter(
    AppDbContext db, int programmeId, ImportColumns columns, ImportSettings settings, DateTime nowUtc, DateOnly today)
    : RowImporter(db, programmeId, columns, nowUtc, today)
{
    private const string IdKeyPrefix = "id:";

    private const string FingerprintKeyPrefix = "fp:";

    private static readonly Dictionary<string, ContactChannel> ChannelWords = Words<ContactChannel>(
        (ContactChannel.InPerson, ["in person", "in-person", "face to face", "face-to-face", "visit", "meeting"]),
        (ContactChannel.Phone, ["phone", "telephone", "call", "phone call"]),
        (ContactChannel.VideoCall, ["video call", "video", "videocall"]),
        (ContactChannel.Message, ["message", "text", "sms", "text message", "chat"]),
        (ContactChannel.Email, ["e-mail", "email", "mail"]));

    private static readonly Dictionary<string, ContactPerson> PersonWords = Words<ContactPerson>(
        (ContactPerson.Mentor, ["mentor", "volunteer", "big"]),
        (ContactPerson.Mentee, ["mentee", "child", "little", "youth", "young person"]),
        (ContactPerson.Family, ["family", "parent", "guardian", "carer"]));

    private readonly StoredMatches<StoredMatch> _stored = new(m => m.Id, m => m.ExternalId);
    private readonly Dictionary<string, StoredContact> _contactsByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<long, StoredContact> _ownContacts = [];
    private readonly Dictionary<string, int> _seenKeys = new(StringComparer.Ordinal);
    private ImportInserts<SupportContact>? _inserts;

    public override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var matches = await Db.Matches
            .Where(m => m.ProgrammeId == ProgrammeId)
            .Select(m => new StoredMatch(m.Id, m.ExternalId, m.Status, m.StartDate, m.ClosureDate))
            .ToListAsync(cancellationToken);
        _stored.AddRange(matches);

        // Only a fingerprint of each stored contact is kept: a programme's notes can run to hundreds of megabytes.
        var contacts = Db.Set<SupportContact>()
            .Where(c => c.ProgrammeId == ProgrammeId)
            .Select(c => new { c.Id, c.MatchId, c.ImportKey, c.Date, c.Channel, c.With, c.Note })
            .AsAsyncEnumerable();
        await foreach (var contact in contacts.WithCancellation(cancellationToken))
        {
            var stored = new StoredContact(contact.Id, contact.MatchId,
                ContentHash(contact.Date, contact.Channel, contact.With, contact.Note));
            if (contact.ImportKey is { } key)
            {
                _contactsByKey[key] = stored;
            }
            else
            {
                _ownContacts[contact.Id] = stored;
            }
        }
    }

    public override RowPlan? Check(ImportRow row, List<ImportProblem> problems)
    {
        var before = problems.Count;
        var match = ReadMatch(row, problems);
        var date = ReadDate(row, ImportField.ContactDate, settings.DateOrder, problems, required: true);
        var note = PostValidation.CleanText(Columns.Value(row, ImportField.ContactNote));
        if (note.Length > SupportContactConfiguration.NoteMaxLength)
        {
            problems.Add(new(row.Number, Columns.HeaderOf(ImportField.ContactNote),
                "The note is {0} characters long; at most {1} are allowed.",
                note.Length, SupportContactConfiguration.NoteMaxLength));
        }

        var channel = ReadWord(row, ImportField.ContactChannel, ChannelWords, settings.DefaultChannel, problems);
        var with = ReadWord(row, ImportField.ContactWith, PersonWords, settings.DefaultWith, problems);
        if (match is not null && date is { } day)
        {
            CheckDate(row, match, day, problems);
        }

        var contactId = Columns.Value(row, ImportField.ContactId);
        if (contactId.Length > 0)
        {
            CheckId(row, ImportField.ContactId, problems, out _);
        }

        if (problems.Count > before)
        {
            return null;
        }

        var key = contactId.Length > 0
            ? IdKeyPrefix + contactId
            : FingerprintKeyPrefix + Fingerprint(Columns.Value(row, ImportField.MatchId), date!.Value, note);
        if (_seenKeys.TryGetValue(key, out var firstRow))
        {
            problems.Add(contactId.Length > 0
                ? new(row.Number, Columns.HeaderOf(ImportField.ContactId),
                    "The contact id {0} is also on row {1}; each contact may appear once.", contactId, firstRow)
                : new(row.Number, "", "Row {0} has the same match, date and note; each contact may appear once.",
                    firstRow));
            return null;
        }

        _seenKeys[key] = row.Number;
        var stored = Stored(key, contactId, match!.Id);
        var hash = ContentHash(date!.Value, channel, with, note);
        var effect = stored is null ? RowEffect.Created
            : stored.ContentHash == hash ? RowEffect.Unchanged
            : RowEffect.Updated;
        return new ContactPlan(row.Number, effect, match.Id, stored?.Id, key, date.Value, channel, with, note);
    }

    public override async Task ApplyAsync(RowPlan plan, CancellationToken cancellationToken)
    {
        var contact = (ContactPlan)plan;
        if (contact.Effect == RowEffect.Created)
        {
            _inserts ??= new ImportInserts<SupportContact>(Db);
            await _inserts.InsertAsync(new SupportContact
            {
                ProgrammeId = ProgrammeId,
                MatchId = contact.MatchId,
                Date = contact.Date,
                Channel = contact.Channel,
                With = contact.With,
                Note = contact.Note,
                ImportKey = contact.Key,
                CreatedAtUtc = NowUtc,
            }, cancellationToken);
        }
        else if (contact.Effect == RowEffect.Updated)
        {
            await Db.Set<SupportContact>()
                .Where(c => c.Id == contact.StoredId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Date, contact.Date)
                    .SetProperty(c => c.Channel, contact.Channel)
                    .SetProperty(c => c.With, contact.With)
                    .SetProperty(c => c.Note, contact.Note), cancellationToken);
        }
    }

    /// <summary>Nothing to save: contacts are inserted and updated as each row is applied.</summary>
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Dispose() => _inserts?.Dispose();

    private StoredMatch? ReadMatch(ImportRow row, List<ImportProblem> problems)
    {
        if (!CheckId(row, ImportField.MatchId, problems, out var matchId))
        {
            return null;
        }

        if (_stored.Find(matchId) is { } match)
        {
            return match;
        }

        problems.Add(new(row.Number, Columns.HeaderOf(ImportField.MatchId),
            "There is no match with the id {0} in this programme. Import the roster first.", matchId));
        return null;
    }

    private void CheckDate(ImportRow row, StoredMatch match, DateOnly date, List<ImportProblem> problems)
    {
        if (date > Today)
        {
            problems.Add(new(row.Number, Columns.HeaderOf(ImportField.ContactDate),
                "The contact date {0} is in the future.", date));
        }
        else if (date < match.StartDate)
        {
            // As when a coordinator logs a contact by hand: support contacts belong to the match's life.
            problems.Add(new(row.Number, Columns.HeaderOf(ImportField.ContactDate),
                "The contact is dated {0}, before the match started on {1}.", date, match.StartDate));
        }
        else if (match.Status == MatchStatus.Closed && match.ClosureDate is { } closed && date > closed)
        {
            problems.Add(new(row.Number, Columns.HeaderOf(ImportField.ContactDate),
                "The contact is dated {0}, after the match closed on {1}.", date, closed));
        }
    }

    private T ReadWord<T>(
        ImportRow row, ImportField field, Dictionary<string, T> words, T fallback, List<ImportProblem> problems)
        where T : struct, Enum
    {
        var value = Columns.Value(row, field);
        if (value.Length == 0)
        {
            return fallback;
        }

        if (words.TryGetValue(value, out var word))
        {
            return word;
        }

        problems.Add(new(row.Number, Columns.HeaderOf(field), "\"{0}\" is not one of: {1}.", value,
            string.Join(", ", Enum.GetValues<T>().Select(LabelOf))));
        return fallback;
    }

    private static string LabelOf<T>(T value) where T : struct, Enum => value switch
    {
        ContactChannel channel => ContactLabels.Of(channel),
        ContactPerson person => ContactLabels.Of(person),
        _ => value.ToString(),
    };

    /// <summary>
    /// The contact id an export writes for an imported contact: the source's own id, or the fingerprint key as
    /// it is stored (an import reading it back finds the contact by either).
    /// </summary>
    public static string? ContactIdOf(string? importKey) =>
        importKey is not null && importKey.StartsWith(IdKeyPrefix, StringComparison.Ordinal)
            ? importKey[IdKeyPrefix.Length..]
            : importKey;

    private StoredContact? Stored(string key, string contactId, int matchId)
    {
        if (_contactsByKey.TryGetValue(key, out var stored)
            || (contactId.Length > 0 && _contactsByKey.TryGetValue(contactId, out stored)))
        {
            return stored;
        }

        // Our own exports write a contact logged here under its number.
        return OwnIds.TryParse(contactId, out var id)
            && _ownContacts.TryGetValue(id, out var own) && own.MatchId == matchId
                ? own
                : null;
    }

    private static Dictionary<string, T> Words<T>(params (T Value, string[] Words)[] entries) where T : struct, Enum
    {
        var words = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var (value, list) in entries)
        {
            words[value.ToString()] = value;
            words[LabelOf(value)] = value;
            foreach (var word in list)
            {
                words[word] = value;
            }
        }

        return words;
    }

    private static string Fingerprint(string matchId, DateOnly date, string note)
    {
        var text = string.Join('\u001f', matchId, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), note);
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static long ContentHash(DateOnly date, ContactChannel channel, ContactPerson with, string note)
    {
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text = string.Join('\u001f', day, channel, with, note);
        return BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private sealed record StoredMatch(
        int Id, string? ExternalId, MatchStatus Status, DateOnly StartDate, DateOnly? ClosureDate);

    private sealed record StoredContact(long Id, int MatchId, long ContentHash);

    private sealed record ContactPlan(
        int Row,
        RowEffect Effect,
        int MatchId,
        long? StoredId,
        string Key,
        DateOnly Date,
        ContactChannel Channel,
        ContactPerson With,
        string Note) : RowPlan(Row, Effect);
}
