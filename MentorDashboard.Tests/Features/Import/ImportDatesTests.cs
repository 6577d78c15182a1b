using System.Globalization;
using MentorDashboard.Features.Import;

namespace MentorDashboard.Tests.Features.Import;

public sealed class ImportDatesTests : IAsyncLifetime
{
    private ImportScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await ImportScenario.CreateAsync();

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Theory]
    [InlineData("", DateShape.Empty)]
    [InlineData("   ", DateShape.Empty)]
    [InlineData("2024-03-25", DateShape.Iso)]
    [InlineData("2024/03/25", DateShape.Iso)]
    [InlineData("2024-3-5", DateShape.Iso)]
    [InlineData("2024-03-25T10:15:00Z", DateShape.Iso)]
    [InlineData("2024-03-25 00:00:00", DateShape.Iso)]
    [InlineData("2024-02-30", DateShape.NotADate)]
    [InlineData("25/03/2024", DateShape.DayFirst)]
    [InlineData("25.03.2024", DateShape.DayFirst)]
    [InlineData("25-03-24", DateShape.DayFirst)]
    [InlineData("25/03/2024 14:30", DateShape.DayFirst)]
    [InlineData("03/25/2024", DateShape.MonthFirst)]
    [InlineData("3/25/24", DateShape.MonthFirst)]
    [InlineData("12/31/2023 11:59:00 PM", DateShape.MonthFirst)]
    [InlineData("03/04/2024", DateShape.Either)]
    [InlineData("1/2/03", DateShape.Either)]
    [InlineData("31/02/2024", DateShape.NotADate)]
    [InlineData("13/13/2024", DateShape.NotADate)]
    [InlineData("Pending", DateShape.NotADate)]
    [InlineData("45376", DateShape.NotADate)]
    [InlineData("25/03", DateShape.NotADate)]
    public void Shape_says_how_a_value_can_be_read(string value, DateShape expected) =>
        Assert.Equal(expected, ImportDates.ShapeOf(value));

    [Theory]
    [InlineData("2024-03-25", DateOrder.DayFirst, "2024-03-25")]
    [InlineData("2024-03-25", DateOrder.MonthFirst, "2024-03-25")]
    [InlineData("2024-03-25T10:15:00", DateOrder.DayFirst, "2024-03-25")]
    [InlineData("03/04/2024", DateOrder.DayFirst, "2024-04-03")]
    [InlineData("03/04/2024", DateOrder.MonthFirst, "2024-03-04")]
    [InlineData("25/03/24", DateOrder.DayFirst, "2024-03-25")]
    [InlineData("3/25/49", DateOrder.MonthFirst, "2049-03-25")]
    [InlineData("3/25/50", DateOrder.MonthFirst, "1950-03-25")]
    [InlineData("3/25/99", DateOrder.MonthFirst, "1999-03-25")]
    [InlineData("25.3.2024 08:00", DateOrder.DayFirst, "2024-03-25")]
    [InlineData("29/02/2024", DateOrder.DayFirst, "2024-02-29")]
    [InlineData(" 01/10/2025 ", DateOrder.DayFirst, "2025-10-01")]
    public void Date_is_read_in_the_chosen_order(string value, DateOrder order, string expected)
    {
        Assert.True(ImportDates.TryParse(value, order, out var date));
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData("25/03/2024", DateOrder.MonthFirst)]
    [InlineData("03/25/2024", DateOrder.DayFirst)]
    [InlineData("31/02/2024", DateOrder.DayFirst)]
    [InlineData("29/02/2023", DateOrder.DayFirst)]
    [InlineData("2024-02-30", DateOrder.DayFirst)]
    [InlineData("March 25, 2024", DateOrder.MonthFirst)]
    [InlineData("", DateOrder.DayFirst)]
    [InlineData("2024-03", DateOrder.DayFirst)]
    public void Value_that_is_no_date_in_the_chosen_order_is_refused(string value, DateOrder order) =>
        Assert.False(ImportDates.TryParse(value, order, out _));

    [Theory]
    [InlineData("01/02/2024|25/03/2024|05/06/2024", DateOrder.DayFirst, false)]
    [InlineData("01/02/2024|03/25/2024|05/06/2024", DateOrder.MonthFirst, false)]
    [InlineData("01/02/2024|2024-03-25|05/06/2024", null, false)]
    [InlineData("25/03/2024|13/01/2024|03/25/2024", DateOrder.DayFirst, true)]
    [InlineData("25/03/2024|01/13/2024|03/25/2024", DateOrder.MonthFirst, true)]
    public async Task File_date_order_follows_the_values_only_one_order_can_read(
        string dates, DateOrder? expected, bool conflict)
    {
        var rows = dates.Split('|').Select((date, i) => $"M-{i},{date}");
        var upload = await _scenario.UploadTextAsync("Match id,Start date\r\n" + string.Join("\r\n", rows));

        var analysis = await _scenario.AnalyseAsync(upload);

        Assert.Equal((expected, conflict), (analysis.DateOrder, analysis.DateOrderConflict));
    }

    [Fact]
    public async Task Day_first_values_outside_date_columns_do_not_decide_the_order()
    {
        // "Notes" holds one day-first date among words: it is not a date column.
        var upload = await _scenario.UploadTextAsync(
            "Match id,Start date,Notes\r\nM-1,03/25/2024,call on 25/03/2024\r\nM-2,04/01/2024,25/03/2024\r\n"
            + "M-3,04/02/2024,no call\r\nM-4,04/03/2024,none");

        var analysis = await _scenario.AnalyseAsync(upload);

        Assert.Equal((DateOrder.MonthFirst, false), (analysis.DateOrder, analysis.DateOrderConflict));
    }

    [Fact]
    public async Task Sample_exports_dates_read_in_their_own_order()
    {
        var crm = await _scenario.AnalyseAsync(await _scenario.UploadSampleAsync(ImportSamples.CrmRoster));
        var catalan = await _scenario.AnalyseAsync(await _scenario.UploadSampleAsync(ImportSamples.CatalanRoster));
        var own = await _scenario.AnalyseAsync(await _scenario.UploadSampleAsync(ImportSamples.OwnExportRoster));

        Assert.Equal(DateOrder.MonthFirst, crm.DateOrder);
        Assert.Equal(DateOrder.DayFirst, catalan.DateOrder);
        Assert.Null(own.DateOrder);
        Assert.True(crm.Columns.Single(c => c.Header == "Match Activation Date").LooksLikeDates);
        Assert.False(crm.Columns.Single(c => c.Header == "Match Length (months)").LooksLikeDates);
    }
}
