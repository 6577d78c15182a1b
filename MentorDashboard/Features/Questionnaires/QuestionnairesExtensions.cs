namespace MentorDashboard.Features.Questionnaires;

public static class QuestionnairesExtensions
{
    public static IServiceCollection AddQuestionnaires(this IServiceCollection services) =>
        services
            .AddSingleton<QuestionnaireService>()
            .AddSingleton<QuestionnaireEditingService>();
}
