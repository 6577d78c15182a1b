using MentorDashboard.Data;
using MentorDashboard.Features.Import;
using MentorDashboard.Features.SupportContacts;

namespace MentorDashboard.Tests.Features.Import;

public sealed class ImportMappingServiceTests : IAsyncLifetime
{
    private ImportScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await ImportScenario.CreateAsync();

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Saved_mapping_loads_as_it_was_saved()
    {
        var saved = CrmSettings();

        var problem = await _scenario.Mappings.SaveAsync(_scenario.Programme.Id, ImportKind.Roster, " CRM ", saved);
        var loaded = await _scenario.Mappings.LoadAsync(_scenario.Programme.Id, ImportKind.Roster, "CRM");

        Assert.Null(problem);
        Assert.NotNull(loaded);
        Assert.Equal(saved.Columns, loaded.Columns);
        Assert.Equal(saved.Stages, loaded.Stages);
        Assert.Equal(saved.ClosureReasons, loaded.ClosureReasons);
        Assert.Equal((DateOrder.MonthFirst, ContactChannel.Email, ContactPerson.Family),
            (loaded.DateOrder, loaded.DefaultChannel, loaded.DefaultWith));
    }

    [Fact]
    public async Task Loaded_mapping_finds_stages_and_reasons_whatever_their_case()
    {
        await _scenario.Mappings.SaveAsync(_scenario.Programme.Id, ImportKind.Roster, "CRM", CrmSettings());

        var loaded = await _scenario.Mappings.LoadAsync(_scenario.Programme.Id, ImportKind.Roster, "CRM");

        Assert.Equal(MatchStatus.Active, loaded!.Stages["PENDING CLOSURE"]);
        Assert.Equal(MatchStatus.Closed, loaded.Stages["closed"]);
        Assert.Equal("Mentor withdrew", loaded.ClosureReasons["volunteer: time constraint"]);
    }

    [Fact]
    public async Task Loaded_mapping_imports_next_months_file_without_mapping_again()
    {
        await _scenario.Mappings.SaveAsync(_scenario.Programme.Id, ImportKind.Roster, "CRM", CrmSettings());
        var upload = await _scenario.UploadSampleAsync(ImportSamples.CrmRoster);
        var loaded = await _scenario.Mappings.LoadAsync(_scenario.Programme.Id, ImportKind.Roster, "CRM");

        var outcome = await _scenario.ImportAsync(upload, ImportKind.Roster, loaded);

        Assert.Equal(6, ImportScenario.Committed(outcome).Created);
    }

    [Fact]
    public async Task Saving_under_a_name_in_use_replaces_that_mapping()
    {
        var programmeId = _scenario.Programme.Id;
        await _scenario.Mappings.SaveAsync(programmeId, ImportKind.Roster, "CRM", CrmSettings());
        var changed = CrmSettings();
        changed.DateOrder = DateOrder.DayFirst;

        await _scenario.Mappings.SaveAsync(programmeId, ImportKind.Roster, "CRM", changed);
        await _scenario.Mappings.SaveAsync(programmeId, ImportKind.ContactLog, "CRM", new ImportSettings());
        await _scenario.Mappings.SaveAsync(programmeId, ImportKind.Roster, "Spreadsheet", new ImportSettings());

        Assert.Equal(["CRM", "Spreadsheet"], await _scenario.Mappings.ListAsync(programmeId, ImportKind.Roster));
        Assert.Equal(["CRM"], await _scenario.Mappings.ListAsync(programmeId, ImportKind.ContactLog));
        var loaded = await _scenario.Mappings.LoadAsync(programmeId, ImportKind.Roster, "CRM");
        Assert.Equal(DateOrder.DayFirst, loaded!.DateOrder);
    }

    [Fact]
    public async Task Mapping_needs_a_name_of_at_most_100_characters()
    {
        var programmeId = _scenario.Programme.Id;

        var blank = await _scenario.Mappings.SaveAsync(programmeId, ImportKind.Roster, "  ", CrmSettings());
        var tooLong = await _scenario.Mappings.SaveAsync(
            programmeId, ImportKind.Roster, new string('m', 101), CrmSettings());

        Assert.Equal(("Give the mapping a name.", "Keep the name under 100 characters."), (blank, tooLong));
        Assert.Empty(await _scenario.Mappings.ListAsync(programmeId, ImportKind.Roster));
    }

    [Fact]
    public async Task Mapping_of_another_programme_or_name_is_not_found()
    {
        await _scenario.Mappings.SaveAsync(_scenario.Programme.Id, ImportKind.Roster, "CRM", CrmSettings());
        var other = await _scenario.Data.AddProgrammeAsync(_scenario.Programme.NetworkId, "River Mentors");

        Assert.Null(await _scenario.Mappings.LoadAsync(other.Id, ImportKind.Roster, "CRM"));
        Assert.Null(await _scenario.Mappings.LoadAsync(_scenario.Programme.Id, ImportKind.Roster, "Other"));
    }

    private static ImportSettings CrmSettings() => new()
    {
        Columns = new()
        {
            [ImportField.MatchId] = "Match ID",
            [ImportField.MentorId] = "Volunteer ID",
            [ImportField.MenteeId] = "Child ID",
            [ImportField.Stage] = "Stage",
            [ImportField.StartDate] = "Match Activation Date",
            [ImportField.ClosureDate] = "Match Closure Date",
            [ImportField.ClosureReason] = "Match Closure Reason",
        },
        DateOrder = DateOrder.MonthFirst,
        Stages = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Active"] = MatchStatus.Active,
            ["Pending Closure"] = MatchStatus.Active,
            ["Closed"] = MatchStatus.Closed,
        },
        ClosureReasons = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Volunteer: Time constraint"] = "Mentor withdrew",
            ["Child: Lost interest"] = "Lost contact",
            ["Successful match closure"] = "Goal reached",
        },
        DefaultChannel = ContactChannel.Email,
        DefaultWith = ContactPerson.Family,
    };
}
