using System.Text;

namespace MentorDashboard.Tests.Features.Framework;

/// <summary>
/// Files that are not clean framework documents: properties given twice or unknown, broken JSON, other text
/// encodings. Most start from the network's export, whose <c>$.topics[1]</c> is topic.language; every key of it is
/// in use (version 1 holds them), so a document that loses one is refused for that too.
/// </summary>
public sealed class FrameworkImportFileTests : FrameworkServiceTest
{
    [Theory]
    [InlineData("\"key\": \"topic.language\",", "\"key\": \"topic.language\", \"key\": \"topic.language\",",
        "$.topics[1].key")]
    [InlineData("\"label\": \"walk\",", "\"label\": \"walk\", \"label\": \"Walks\",", "$.activityTypes[0].label")]
    [InlineData("\"topics\": [", "\"topics\": [],\n  \"topics\": [", "$.topics")]
    public async Task Property_given_twice_is_refused_with_its_path_and_nothing_changes(
        string text, string twice, string path)
    {
        var before = await Services.FrameworkTransfer.ExportAsync(Network.Id);

        var errors = await Services.FrameworkTransfer.ImportAsync(Network.Id, Edit(before, text, twice));

        Assert.Equal(
            (path, "This property appears more than once: keep one."),
            Assert.Single(errors.Select(e => (e.Path, e.Text))));
        Assert.Equal(before, await Services.FrameworkTransfer.ExportAsync(Network.Id));
    }

    [Fact]
    public async Task Misspelt_property_is_named_with_the_one_meant_and_listed_with_every_other_error()
    {
        var before = await Services.FrameworkTransfer.ExportAsync(Network.Id);
        var document = Edit(before, "\"label\": \"language\",", "\"lable\": \"language\",");
        document = Edit(document, "\"sortOrder\": 3,", "\"Sort_Order\": 3,");
        document = Edit(document, "mentordashboard.framework/1", "mentordashboard.framework/2");

        var errors = await Services.FrameworkTransfer.ImportAsync(Network.Id, document);

        Assert.Equal(
            [
                ("$.topics[1].lable", "Unknown property 'lable': did you mean 'label'?"),
                ("$.activityTypes[0].Sort_Order", "Unknown property 'Sort_Order': did you mean 'sortOrder'?"),
                ("$.schema", "The schema must be mentordashboard.framework/1."),
                ("$.topics[1].label", "Enter a label."),
                ("$.activityTypes[0].sortOrder", "The sort order must be a whole number."),
            ],
            errors.Select(e => (e.Path, e.Text)));
        Assert.Equal(before, await Services.FrameworkTransfer.ExportAsync(Network.Id));
    }

    [Fact]
    public async Task Property_of_a_later_version_is_refused_by_name_and_nothing_changes()
    {
        var before = await Services.FrameworkTransfer.ExportAsync(Network.Id);
        var document = Edit(before, "\"retired\": false\n    }\n  ],\n  \"activityTypes\"",
            "\"retired\": false,\n      \"colour\": \"#0a7\",\n      \"icon text\": \"house\"\n    }\n  ],\n"
            + "  \"activityTypes\"");
        document = Edit(document, "\"questionnaires\": []", "\"questionnaires\": [],\n  \"indicators\": []");

        var errors = await Services.FrameworkTransfer.ImportAsync(Network.Id, document);

        Assert.Equal(
            [
                ("$.topics[2].colour",
                    "Unknown property 'colour': no property of that name belongs here, so remove it."),
                ("$.topics[2]['icon text']",
                    "Unknown property 'icon text': no property of that name belongs here, so remove it."),
                ("$.indicators",
                    "Unknown property 'indicators': no property of that name belongs here, so remove it."),
            ],
            errors.Select(e => (e.Path, e.Text)));
        Assert.Equal(before, await Services.FrameworkTransfer.ExportAsync(Network.Id));
    }

    [Theory]
    [InlineData("", "The file is empty.")]
    [InlineData(" \r\n\t\n", "The file is empty.")]
    [InlineData("key,label\ntopic.boats,Boats\n",
        "The file is not a framework document: it should start with an opening brace, not “k” "
        + "(line 1, position 1).")]
    [InlineData("\n  [ ]",
        "The file is not a framework document: it should start with an opening brace, not “[” "
        + "(line 2, position 3).")]
    [InlineData("{\n  \"schema\": \"mentordashboard.framework/1\",\n  \"topics\": [\n",
        "The file ends too early, at line 3, position 14: a closing bracket, brace or quote is missing, "
        + "or the file was cut short.")]
    [InlineData("{\n  \"schema\": \"mentordashboard.frame",
        "The file ends too early, at line 2, position 35: a closing bracket, brace or quote is missing, "
        + "or the file was cut short.")]
    [InlineData("{\n\"topics\": [1,\n]\n}",
        "Remove the comma at line 2, position 13: JSON allows no comma before a closing bracket or brace.")]
    [InlineData("{ \"schema\": \"x\", }",
        "Remove the comma at line 1, position 16: JSON allows no comma before a closing bracket or brace.")]
    [InlineData("{\n  // our topics\n  \"topics\": []\n}",
        "Remove the comment at line 2, position 3: JSON allows no comments.")]
    [InlineData("{ 'schema': 1 }",
        "The file is not valid JSON at line 1, position 3: “'” is not expected there.")]
    [InlineData("{\"é\": ,}", "The file is not valid JSON at line 1, position 7: “,” is not expected there.")]
    [InlineData("{} {}", "The file is not valid JSON at line 1, position 4: “{” is not expected there.")]
    public async Task Malformed_json_is_refused_with_a_message_that_says_where(string json, string message) =>
        await AssertRefusedAsync(Encoding.UTF8.GetBytes(json), message);

    [Theory]
    [InlineData("{\n  \"schema\": \"x\\ud800\"\n}", "2", "13")]
    [InlineData("{\n  \"sch\\udc00ema\": 1\n}", "2", "3")]
    [InlineData("{ \"topics\": [ { \"label\": \"\\ude00\\ud83d\" } ] }", "1", "26")]
    public async Task Escaped_half_of_a_character_is_refused_where_it_stands(
        string json, string line, string position)
    {
        await AssertRefusedAsync(Encoding.UTF8.GetBytes(json),
            $"The text at line {line}, position {position} escapes half of a character (such as \\ud800 "
            + "without the \\udc00 that completes it). Write the whole character and import again.");
    }

    [Fact]
    public async Task Escaped_character_of_two_halves_is_imported()
    {
        var exported = await Services.FrameworkTransfer.ExportAsync(Network.Id);
        var document = Edit(exported, "\"label\": \"language\"", "\"label\": \"Languages \\ud83d\\udde3\"");

        var errors = await Services.FrameworkTransfer.ImportAsync(Network.Id, document);

        Assert.Empty(errors);
        var items = await Services.FrameworkEditing.ListAsync(Network.Id, null);
        Assert.Equal("Languages \U0001F5E3", items.Single(i => i.Key == "topic.language").Label);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public async Task File_with_a_byte_order_mark_is_read_in_its_encoding(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var exported = await Services.FrameworkTransfer.ExportAsync(Network.Id);
        var document = Edit(exported, "\"label\": \"language\"", "\"label\": \"Langue étrangère\"");
        byte[] file = [.. encoding.GetPreamble(), .. encoding.GetBytes(document)];

        var errors = await Services.FrameworkTransfer.ImportAsync(Network.Id, file);

        Assert.Empty(errors);
        var items = await Services.FrameworkEditing.ListAsync(Network.Id, null);
        Assert.Equal("Langue étrangère", items.Single(i => i.Key == "topic.language").Label);
    }

    [Theory]
    [InlineData("iso-8859-1", "12", "24")]
    [InlineData("utf-16", "1", "2")]
    public async Task File_in_another_encoding_is_refused_where_its_first_foreign_character_stands(
        string encodingName, string line, string position)
    {
        var before = await Services.FrameworkTransfer.ExportAsync(Network.Id);
        var document = Edit(before, "\"label\": \"language\"", "\"label\": \"Langue étrangère\"");
        var withoutByteOrderMark = Encoding.GetEncoding(encodingName).GetBytes(document);

        var errors = await Services.FrameworkTransfer.ImportAsync(Network.Id, withoutByteOrderMark);

        Assert.Equal(
            ("$", $"The file is not saved as UTF-8: line {line}, position {position} holds a character in another "
                + "encoding. Save it as UTF-8 and import again."),
            Assert.Single(errors.Select(e => (e.Path, e.Text))));
        Assert.Equal(before, await Services.FrameworkTransfer.ExportAsync(Network.Id));
    }

    [Fact]
    public async Task Utf16_file_with_half_a_character_is_refused_as_damaged()
    {
        byte[] halfSurrogate = [0xFF, 0xFE, (byte)'{', 0x00, 0x3D, 0xD8, (byte)'}', 0x00];

        await AssertRefusedAsync(halfSurrogate, "The file's text is damaged: save it as UTF-8 and import again.");
    }

    /// <summary>Imports the file and checks that it is refused for one reason and that nothing changed.</summary>
    private async Task AssertRefusedAsync(byte[] file, string message)
    {
        var before = await Services.FrameworkTransfer.ExportAsync(Network.Id);

        var errors = await Services.FrameworkTransfer.ImportAsync(Network.Id, file);

        Assert.Equal(("$", message), Assert.Single(errors.Select(e => (e.Path, e.Text))));
        Assert.Equal(before, await Services.FrameworkTransfer.ExportAsync(Network.Id));
    }

    /// <summary>Replaces text that must occur exactly once, so a changed export fails here and not later.</summary>
    private static string Edit(string document, string text, string replacement)
    {
        var at = document.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0 && document.IndexOf(text, at + 1, StringComparison.Ordinal) < 0, $"{text} once");
        return string.Concat(document.AsSpan(0, at), replacement, document.AsSpan(at + text.Length));
    }
}
