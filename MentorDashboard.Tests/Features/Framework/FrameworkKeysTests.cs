using MentorDashboard.Features.Framework;

namespace MentorDashboard.Tests.Features.Framework;

public sealed class FrameworkKeysTests
{
    [Theory]
    [InlineData("topic.housing")]
    [InlineData("topic.legal-papers")]
    [InlineData("activity.job-search.cv")]
    [InlineData("indicator.2026")]
    public void Lower_case_dotted_keys_are_accepted(string key) =>
        Assert.Null(FrameworkKeys.Check(key, programmeKey: null, "key"));

    [Theory]
    [InlineData("")]
    [InlineData("housing")]
    [InlineData("Topic.Housing")]
    [InlineData("topic..housing")]
    [InlineData("topic.housing.")]
    [InlineData(".topic.housing")]
    [InlineData("topic.legal papers")]
    [InlineData("1topic.housing")]
    [InlineData("topic.-housing")]
    [InlineData("topic_housing.x")]
    public void Keys_breaking_the_pattern_are_refused(string key) =>
        Assert.NotNull(FrameworkKeys.Check(key, programmeKey: null, "key"));

    [Fact]
    public void Keys_longer_than_120_characters_are_refused()
    {
        var key = "topic." + new string('a', 115);

        var error = FrameworkKeys.Check(key, programmeKey: null, "key");

        Assert.Equal("A key is at most 120 characters long.", error?.Text);
    }

    [Fact]
    public void Network_key_in_the_local_namespace_is_refused()
    {
        var error = FrameworkKeys.Check("local.harbour.topic.boats", programmeKey: null, "key");

        Assert.Equal("local.harbour.topic.boats starts with local., which is kept for programmes' own items.",
            error?.Text);
    }

    [Theory]
    [InlineData("topic.boats")]
    [InlineData("local.other-programme.topic.boats")]
    [InlineData("local.harbour")]
    public void Local_key_outside_the_programme_namespace_is_refused(string key)
    {
        var error = FrameworkKeys.Check(key, programmeKey: "harbour", "key");

        Assert.Equal("A local key must start with local.harbour. (the programme's own namespace).", error?.Text);
    }

    [Fact]
    public void Local_key_in_the_programme_namespace_is_accepted() =>
        Assert.Null(FrameworkKeys.Check("local.harbour.topic.boats", programmeKey: "harbour", "key"));

    [Theory]
    [InlineData("Welcome Neighbours", "welcome-neighbours")]
    [InlineData("Study Buddies  Eastbank", "study-buddies-eastbank")]
    [InlineData("Núria's Café – Online", "nurias-cafe-online")]
    [InlineData("!!!", "programme")]
    public void Programme_key_is_made_from_its_name(string name, string key) =>
        Assert.Equal(key, FrameworkKeys.ProgrammeKeyOf(name));
}
