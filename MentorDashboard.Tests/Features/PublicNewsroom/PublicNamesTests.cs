using MentorDashboard.Features.PublicNewsroom;

namespace MentorDashboard.Tests.Features.PublicNewsroom;

public sealed class PublicNamesTests
{
    [Fact]
    public void Mentee_without_a_nickname_is_shown_by_initials()
    {
        Assert.Equal("S. T.", PublicNames.Mentee("Selam Tesfaye", nickname: null));
        Assert.Equal("Sunny", PublicNames.Mentee("Selam Tesfaye", " Sunny "));
    }

    [Fact]
    public void Mentor_is_shown_by_first_name()
    {
        Assert.Equal("Iker", PublicNames.Mentor("Iker Aranburu"));
        Assert.Equal("J", PublicNames.Mentor("J Smithson"));
    }

    [Fact]
    public void Names_with_a_non_breaking_space_or_a_hyphen_are_replaced_word_by_word()
    {
        Assert.Equal(
            "Sunny and I met the Sunny family.",
            PublicNames.Mask("Amira and I met the Haddad family.", "Amira\u00A0Haddad", "Sunny", "Iker Aranburu"));
        Assert.Equal(
            "Photos of the Sunny family; Sunny came too.",
            PublicNames.Mask(
                "Photos of the Masri family; Layla came too.", "Layla Al-Masri", "Sunny", "Iker Aranburu"));
    }

    [Fact]
    public void Real_names_in_the_story_are_replaced_in_any_case_but_only_as_whole_words()
    {
        var text = PublicNames.Mask(
            "Selam Tesfaye and I met. SELAM's brother joined; Selamawit did not. Aranburu family says hi.",
            "Selam Tesfaye",
            "Sunny",
            "Iker Aranburu");

        Assert.Equal("Sunny and I met. Sunny's brother joined; Selamawit did not. A. family says hi.", text);
    }

    [Fact]
    public void Nickname_with_a_dollar_sign_is_inserted_as_it_is()
    {
        Assert.Equal("Hi $1!", PublicNames.Mask("Hi Selam!", "Selam Tesfaye", "$1", "Iker Aranburu"));
    }
}
