<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ArmsTable</name>
    <message>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chose another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something stirred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likely rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: offered {offered}, done {done}, let go {declined}, chose another {other}; something stirred in {sparks} of {checkins}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} check-ins</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Bootstrap</name>
    <message>
        <source>Your shared history is out of reach for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you save is kept safely on this computer and added to it as soon as it can be reached again. Nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BreakPlanner</name>
    <message>
        <source>Paused until {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A break is here whenever you are ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No working hours are set, so no breaks are planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A break is under way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside working hours until {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next break at {time}, {countdown}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next break tomorrow at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next break on {day} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{weekday} {day} {month}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in less than a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {hours} h {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BreathPacer</name>
    <message>
        <source>Breathe in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breathe out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BringForward</name>
    <message>
        <source>Its dashboard is open, but your desktop kept it in the background: look for Reconnect in your task bar or window list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its welcome is open, but your desktop kept it in the background: look for Reconnect in your task bar or window list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its small window is open, but your desktop kept it in the background: look for Reconnect in your task bar or window list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Busy</name>
    <message>
        <source>microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>screen share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a calendar event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it holds no calendar (no BEGIN:VCALENDAR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} can&apos;t be read: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it can&apos;t be found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar {path} can&apos;t be read: {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarWidget</name>
    <message>
        <source>Sparks per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no sparks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day}: {sparks}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sparks from {span} yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {span}: {sparks} on {days}; most in a day: {most}, on {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparks per day. {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sparks} on {days}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{month} {year}: {said}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(most in a day: {most})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Care</name>
    <message>
        <source>your local emergency number (112 works in many countries)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} ({also})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>999 works too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>112 works too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>112 works too from a mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>102 or 108 for an ambulance in many states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the United States and Canada</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>call or text, any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the UK and Ireland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>call free, any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quiet stretch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a few weeks now, your check-ins have found nothing stirring. That is common, especially after a long time of stress or exhaustion, and it says nothing bad about you. Numbness tends to ease slowly and unevenly, often unnoticed at first.

Noticing is itself the practice, and you have been doing it, whatever you found. If the flatness weighs on you, talking with a doctor or a therapist can help: they can look with you at where it comes from and what could ease it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <source>Nothing stirred this time. That&apos;s worth knowing too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something faint, there for a moment and then gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something you could clearly notice, even briefly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something that stayed with you for a while.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the four to save (the keys 0 to 3 work too).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything below is optional. Save whenever you&apos;re ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect: did anything stir?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spark check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did anything stir during {title}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is a useful answer too. Noticing, whatever you find, is the practice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body area: {area}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeling: {word}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own words (separate with commas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own feeling words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separate them with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A few words for yourself, if you like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional. Ctrl+Enter saves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without a check-in. That&apos;s fine too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this check-in on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this check-in on this computer (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help and crisis support (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where in the body, if anywhere?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any feelings? Choose any, or use your own words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without changing this check-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep as it was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep as it was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{explanation} Key {key}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This couldn&apos;t be saved yet: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparisonCard</name>
    <message>
        <source>“Let go” counts offers that were skipped, snoozed or left to pass. They are counted apart, never as “nothing”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{a}” and “{b}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{offered} of 1 break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{offered} of {count} breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started on {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when}. Stopped after {how_far}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when}, {how_far}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far the comparison is: {how_far}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference, {a} minus {b}: {middle} percentage points. 80% likely between {low} and {high}; 95% likely between {low95} and {high95}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chance that something stirs more often with {a} than with {b}: {chance}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ControlWindow</name>
    <message>
        <source>This desktop shows no system tray, so Reconnect lives in this small window instead and keeps planning your breaks. To get a tray: on GNOME, add the extension &quot;AppIndicator and KStatusNotifierItem Support&quot;; on other desktops, add a system tray (notification area) to your panel. Reconnect moves into the tray as soon as there is one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GNOME shows no system tray by itself, so Reconnect lives in this small window instead and keeps planning your breaks. To get a tray, install and turn on the extension &quot;AppIndicator and KStatusNotifierItem Support&quot; (on Debian and Ubuntu, the package gnome-shell-extension-appindicator), for example in the Extensions app. Reconnect moves into the tray as soon as it is there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect lives in this small window. Breaks will come on their own; the buttons here have everything else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window steps out of the way, and Reconnect keeps running, so your breaks still come. To bring it back, start Reconnect again from your applications menu (or type reconnect in a terminal). To stop Reconnect, choose Quit in this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start a practice now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;nooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;kip the next break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help and crisis support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;art it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sho&amp;w it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An&amp;other one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Let it go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect keeps running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashLog</name>
    <message>
        <source>Something went wrong inside Reconnect. It keeps running; nothing you saved is lost. The details are in {path}; you can send them to us if you like, they contain no notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside Reconnect. It keeps running; nothing you saved is lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrisisPage</name>
    <message>
        <source>If you are thinking about hurting yourself, or you don&apos;t feel safe right now, please reach out to someone today. You don&apos;t need the right words, and you don&apos;t need to be sure it is “bad enough”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
&lt;h3&gt;What you can do right now&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;Call or text someone: a crisis line below, the person you trust, or the emergency number.
One sentence is enough, for example: &lt;i&gt;“I&apos;m not okay and I don&apos;t want to be alone with
this.”&lt;/i&gt;&lt;/li&gt;
&lt;li&gt;If you can, go where other people are, or ask someone to come and be with you.&lt;/li&gt;
&lt;li&gt;Put some distance between yourself and anything you could use to hurt yourself.&lt;/li&gt;
&lt;li&gt;Let your breath slow a little: breathe out for longer than you breathe in. Feel your feet
on the floor and something solid under your hand.&lt;/li&gt;
&lt;li&gt;You only need to get through the next few minutes, then the next few after that.&lt;/li&gt;
&lt;/ul&gt;
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbness can come with thoughts that nothing matters, or of not wanting to be here. If that happens, please take it seriously, even when it feels quiet and flat rather than dramatic, and tell someone soon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can keep one person here to call or write to on a hard day: a friend, someone in your family, a colleague, your doctor. It stays on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Think of one person you could call or write to on a hard day: a friend, someone in your family, a colleague, your doctor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can reach out to them now, even with a single sentence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;If you are in crisis&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In danger right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone I trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone I trust: name and how to reach them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One line, for example a name and a phone number. Enter keeps it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: Sam, my sister, 0151 234 5678</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this person on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change or clear the person you trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This couldn&apos;t be kept just now ({error}). It is still here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>No check-ins in this range. A longer range may show more; what you noticed earlier is still here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardRange</name>
    <message>
        <source>Last 4 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What h&amp;elps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Com&amp;pare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>His&amp;tory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect: dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range of days shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Showing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computer whose moments are shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Computer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a &amp;report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help and crisis support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All computers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem} The figures come back when it can be read again (choose a section or a range to try once more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at {time} today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on {day} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem} Shown here is what was read {when}; it comes up to date when your history can be read again (choose a section or a range to try once more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over everything so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over the {range}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteDataDialog</name>
    <message>
        <source>This removes, from this computer, your history and check-ins, their backups, the log files, your own practices and your settings. It can&apos;t be undone.

If you might want to look back at your history one day, you could export it first. Reconnect closes afterwards, since nothing of yours is left for it to use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect: delete all my data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete all my data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete all your Reconnect data?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type {word} to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The button to delete everything works once this says {word}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To go ahead, type {word} here:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export my history first…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export my history first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy of your history as a file before deleting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep my data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this without deleting anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes all your Reconnect data. Works once {word} is typed above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data is deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most of your data is deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;This is what was removed:&lt;/p&gt;&lt;ul&gt;{items}&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;There was nothing to remove.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;These could not be removed; you can delete them yourself, for example with your file manager:&lt;/p&gt;&lt;ul&gt;{items}&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;These were in the data folder but are not Reconnect&apos;s, so they were left as they were:&lt;/p&gt;&lt;ul&gt;{items}&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Reconnect closes now. Take good care of yourself.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExperimentDialog</name>
    <message>
        <source>Compare two practices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your next breaks offer one of these two practices, in a random order, half each. You can still skip a break or choose another practice; that is counted apart. After a practice, “nothing” is an answer too. You can stop at any time and keep what was learnt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of breaks to compare over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {low} to {high} breaks. More breaks make a clearer answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First practice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Second practice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over the next &amp;breaks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tart comparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start comparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing needs two practices in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose two different practices to compare.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExperimentSection</name>
    <message>
        <source>more than 99%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than 1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare two practices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wondering whether one practice brings you more than another? Reconnect can offer one of two practices at your next {count} breaks (or as many as you choose), in a random order, half each. You can still skip a break or choose something else; that is counted apart. After a practice, “nothing” is an answer too, and it counts. You can stop at any time, and what was learnt so far is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare two p&amp;ractices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop compar&amp;ing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop comparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The breaks go back to the usual suggestions; what was learnt is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier comparisons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing two practices isn&apos;t available here. Everything else works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{a} and {b} are being compared now, and one comparison runs at a time. To start another, stop this one first; what it showed so far is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Experiments</name>
    <message>
        <source>more than 99%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {percent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too early to tell: no check-ins after either practice yet. With a few after each, a picture starts to form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too early to tell: {a} has {a_checkins} and {b} has {b_checkins} so far. With a few more check-ins after each, a picture starts to form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>So far {more} seems to bring a spark more often than {less} for you (a chance of {chance} that it does). It is a hint from your own check-ins, not a certainty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>So far {a} and {b} seem to bring a spark about equally often for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clear difference yet between {a} and {b}: either could bring a spark more often. More breaks with them would tell more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 offer was let go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} offers were let go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another practice was chosen once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another practice was chosen {count} times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}; that is fine, and it is counted apart, not as “nothing”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of breaks can be between {low} and {high}, not {breaks}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose two different practices to compare ({id} was named twice).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A comparison of {a} and {b} is under way, and one runs at a time. You can stop it in the dashboard&apos;s Compare tab or with &apos;reconnect experiment stop&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FigureBase</name>
    <message>
        <source>No check-ins in this range yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 spark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} sparks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Music (*.mp3 *.ogg *.oga *.flac *.wav *.m4a *.opus);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
&lt;p&gt;Now and then during your working hours, Reconnect offers a tiny practice of a minute
or two: a stretch, a slower breath, some light, a scent, a piece of music. Afterwards it
asks, gently, whether anything stirred. &lt;b&gt;Nothing&lt;/b&gt; is always a fine answer.&lt;/p&gt;
&lt;p&gt;Every prompt can be skipped, snoozed or paused, and nothing you note leaves this
computer.&lt;/p&gt;
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
&lt;p&gt;Reconnect is not therapy and not medical advice. If things feel very heavy right now,
&lt;b&gt;Help and crisis support&lt;/b&gt;, in the menu of Reconnect&apos;s small heart in your system tray,
says where to turn.&lt;/p&gt;
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
&lt;p&gt;Reconnect is not therapy and not medical advice. If things feel very heavy right now,
&lt;b&gt;Help and crisis support&lt;/b&gt;, a button in Reconnect&apos;s small window, says where to
turn.&lt;/p&gt;
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose music that moves you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the welcome. Everything can be set later in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save these choices and start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What Reconnect does and does not do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to turn in a crisis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Help on its crisis support page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your working hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect only offers practices within these hours, from Monday to Friday, about every {interval} minutes. Each day can be changed later in Settings, weekends included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start of the working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of the working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the working hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Music that gives you chills, if you like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some practices play a piece of music that moves you, the kind that can bring goosebumps. You can choose a file now, or leave this empty and choose when such a practice comes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen music</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose music…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose music</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the chosen music</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day starts and ends at {start}. Choose another end; one before the start runs into the next morning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No music chosen; that&apos;s fine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your choices couldn&apos;t be saved ({problem}). You can skip for now and set them later in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FrontDoor</name>
    <message>
        <source>Reconnect is in your system tray, the small heart. Breaks will come on their own; the menu has everything else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its welcome is in front; the dashboard opens once you are done there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its dashboard is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its welcome is in front.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its small window is in front.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeatmapWidget</name>
    <message>
        <source>Sparks by weekday and hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} {hours}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: no check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {counts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{said}; {greyed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{said}; shade about {shade}, your usual rate {usual}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sparks} in {checkins}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sparks} in {checkins} ({rate})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your usual rate is {rate}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stand out: {hours}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hour stands out from your usual yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most sparks by day: {day} ({sparks} of {checkins}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{greyed} of {hours} with check-ins greyed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparks by weekday and hour. {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} {counts}, too few to say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} {counts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day}: {said}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fewer sparks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more sparks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(middle: your usual rate, {rate})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grey: fewer than {count} check-ins, too few to say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blank: no check-ins</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>If you are in crisis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About numbness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
&lt;h2&gt;About numbness&lt;/h2&gt;
&lt;p&gt;Feeling numb means feeling less than you expect, or nothing at all: good news doesn&apos;t
land, and sad news doesn&apos;t either. People describe it as living behind glass, running on
autopilot, or as if someone turned the volume of life down. You can still work, laugh in the
right places and look after others, while inside everything seems muted and far away. It can
also dull the body&apos;s signals, so that hunger, tiredness or tension are hard to notice.&lt;/p&gt;

&lt;h3&gt;You are not alone in it&lt;/h3&gt;
&lt;p&gt;Numbness is common. It often follows a long stretch of burnout or stress, a trauma or a
loss, and it is part of depression and anxiety for many people. Some medicines can flatten
feelings too; if you take one and feel this way, it is worth telling your doctor. For some
people it grows heavier in autumn and winter and lifts a little in spring.&lt;/p&gt;

&lt;h3&gt;A protective response, not a failing&lt;/h3&gt;
&lt;p&gt;Numbness is usually your nervous system looking after you. When there has been too much
for too long, it turns the volume down so that you can keep going. It is not laziness or
coldness, and it doesn&apos;t mean that you don&apos;t care. It means that a part of you has been
working hard to get you through, and it can ease once things feel safer.&lt;/p&gt;

&lt;h3&gt;Why small moments may help&lt;/h3&gt;
&lt;p&gt;Feelings can&apos;t be forced back, and pushing for them often makes everything tighter. What
seems to help is giving your body small, safe chances to notice something: warmth in your
hands, light moving through leaves, a scent from long ago, a stretch, a piece of music that
once gave you chills, a slow breath with a hand on your chest. Often nothing much happens,
and that is fine. Now and then a flicker comes. Noticing it, without judging it, is how the
way back is usually found: little by little, unevenly, at your own pace.&lt;/p&gt;
&lt;p&gt;Other things tend to help alongside: moving your body in a way that feels good rather
than punishing, sleep when life allows it, easing the load where you can, and staying a
little in touch with people even when you feel far away. Telling one safe person
“I feel numb” is already a step.&lt;/p&gt;

&lt;h3&gt;When to talk to a professional&lt;/h3&gt;
&lt;p&gt;If the numbness has lasted for weeks or longer, if it gets in the way of your work, your
sleep or the people you love, or if you simply want to understand it, a doctor or a therapist
can help. They can look with you at what lies behind it, such as exhaustion, depression, a
trauma or a medicine, and at what would fit you. Therapies that work with trauma and with
the body are often a good match for numbness.&lt;/p&gt;
&lt;p&gt;Please reach out soon, to a person or a professional, if numbness comes with thoughts
of hurting yourself or of not wanting to live. &lt;a href=&quot;#crisis&quot;&gt;If you are in crisis&lt;/a&gt;
says where to turn.&lt;/p&gt;
&lt;p&gt;Reconnect can keep you company in small moments. It is not a treatment and doesn&apos;t
replace care.&lt;/p&gt;
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
&lt;h2&gt;What Reconnect does&lt;/h2&gt;
&lt;p&gt;During your working hours, Reconnect offers a short practice now and then: a stretch,
a slower breath, light, a scent, a piece of music that moves you. Afterwards it asks,
gently, whether anything stirred. Over time it notices which moments tend to bring
something back for you.&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Nothing is a valid answer.&lt;/b&gt; Noticing that nothing stirred is part of the practice,
and every prompt can be skipped, snoozed or paused. There are no streaks to keep.&lt;/p&gt;
&lt;h3&gt;Using it&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;Reconnect lives in the system tray. Its menu lets you start a practice, snooze or skip
the next break, or pause for a while.&lt;/li&gt;
&lt;li&gt;When a break comes, a small window appears near the tray without taking your
keyboard. Start, ask for another one, snooze, or skip.&lt;/li&gt;
&lt;li&gt;Help is always close: choose “Help and crisis support” in the tray menu,
or press F1 in the dashboard, during a practice or in the check-in.&lt;/li&gt;
&lt;li&gt;From a terminal: &lt;code&gt;reconnect status&lt;/code&gt;, &lt;code&gt;reconnect break-now&lt;/code&gt;,
&lt;code&gt;reconnect pause 1h&lt;/code&gt;, &lt;code&gt;reconnect settings&lt;/code&gt;,
&lt;code&gt;reconnect history&lt;/code&gt;.&lt;/li&gt;
&lt;/ul&gt;
&lt;h3&gt;What it is not&lt;/h3&gt;
&lt;p&gt;Reconnect is not therapy and not medical advice. It keeps everything on this computer
and never connects to the internet.&lt;/p&gt;
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;{number}&lt;/b&gt; in {where} ({name}): {how}.&lt;/li&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;{number}&lt;/b&gt; in {where}: {how}.&lt;/li&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Crisis lines&lt;/h3&gt;&lt;p&gt;Free and confidential, with people who are used to hard moments. For example:&lt;/p&gt;&lt;ul&gt;{items}&lt;li&gt;Elsewhere, your emergency number, your doctor or a hospital can tell you who to call. The website findahelpline.com lists free lines in many countries.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call your local emergency number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you or someone near you is in danger, call it now. 112 works in many countries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call &lt;b&gt;{number}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you or someone near you is in danger, call it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you or someone near you is in danger, call it now. {also}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect: help and crisis support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help sections</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpsSection</name>
    <message>
        <source>What helps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something stirred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likely range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What helps, most surely first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mpare with another practice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the chosen practice with another practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the practice chosen above (the first, if none is) with another: your next breaks offer each in turn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare with another practice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out what tends to help…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practices you check in on will be listed here, with how often something stirred and how sure that is. Nothing is a fine answer; it counts too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: something stirred in {sparks} of {times}; likely {low} to {high} of the time; still learning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: something stirred in {sparks} of {times}; likely {low} to {high} of the time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>All practices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search notes and words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this moment? You can undo this right after.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your practices and what you noticed will be listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in this time range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What stirred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Practice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What stirred:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many moments are listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the deleted moment back (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your moments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter changes the check-in; Delete removes a moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every practice and answer again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit check-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change what you noted here (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this moment; you can undo it (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} moments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem} What you entered is still here; try Save again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted {title} from {when}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>{start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body: {areas}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feelings: {words}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{level}. {explanation}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no body areas or words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What stirred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where / words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryTransfer</name>
    <message>
        <source>CSV, for spreadsheets (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON, complete (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history was not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect could not write {target}: {reason}. Choose another folder, or free some space, and try again. Your history is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history could not be read just now. Please try again; if it keeps happening, &apos;reconnect doctor&apos; in a terminal says more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your history is in {target}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is larger than any Reconnect export could be. Please choose a file exported by Reconnect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect could not read {source}: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {count} more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {refused}. Your history is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history could not be written just now; nothing was changed. Please try again; if it keeps happening, &apos;reconnect doctor&apos; in a terminal says more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added 1 session ({checkins} with a check-in).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {count} sessions ({checkins} with a check-in).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything in this file was already here; nothing needed adding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{added} 1 was already here and was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{added} {count} were already here and were left as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export your history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a history exported by Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect history (*.csv *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Any length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to 1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to 2 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any sense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show practices for this sense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show practices of this length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sense:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your own practice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No practice matches both choices. Try another sense or a longer length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No practice fits this moment by the usual rules (for example, it is dark outside). Any practice below can still be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Something to try next:&lt;/b&gt; {title} ({minutes}). {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the suggestion, {title}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Start Reconnect when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect starts quietly in the tray when you log in; nothing opens until a break comes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login: not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login entry is kept in {location}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} Your desktop&apos;s startup settings have turned it off; tick the box and apply to turn it on again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where} It starts a program that is no longer there ({program}); apply with the box ticked to point it at this Reconnect.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonthChart</name>
    <message>
        <source>Sparks by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something stirred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your rate, gently evened out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too few check-ins to say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{month} ({season}): no check-ins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{month} ({season}): something stirred in {sparks} of {times} ({rate})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{said}; fewer than {count} check-ins, too few to say.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{said}; evened out with your usual rate, about {rate}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Music</name>
    <message>
        <source>Choose another, or carry on without music.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can&apos;t open {name} ({reason}). {carry_on}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No music in {name} ({kinds}). {carry_on}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can&apos;t find {name}. {carry_on}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Music can&apos;t play: this computer has no sound player that Reconnect can use (reconnect doctor says what to install). Carry on without music.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file can&apos;t be played: {name}. {carry_on}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playing {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} could not play here: there may be no sound output, or the file may be damaged. The practice goes on without music; reconnect doctor can check the sound.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Show the break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze 10 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} · {minutes} min. Skipping is fine too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A small pause, if you&apos;d like one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumbersCard</name>
    <message>
        <source>{title}, as numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show {title} as a table of numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the chart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Offer</name>
    <message>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} · {senses} · {place}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomeWords</name>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>snoozed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a natural break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} moments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} practices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something stirred {times}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{stirred}, and it was a spark or a glow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{stirred}, each time a spark or a glow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{stirred}, one of them a spark or a glow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{stirred}, {count} of them a spark or a glow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No practices {period} so far, and that is fine. The library has one ready whenever you would like it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{Period} you took {moments} for yourself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{took}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{took} and checked in after it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{took} and checked in after each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{took} and checked in after {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{took}. Nothing stirred so far, and that answer counts too: noticing is the practice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{took}. {stirred}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>practices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{counted} {period}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>something stirred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>something stirred {times} {period}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing stirred {period} so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{words} and {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} has brought something most surely so far: likely {low} to {high} times in 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No practice stands out yet. That is usual early on; each check-in, including nothing, helps Reconnect learn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where you felt it most: {words}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words you used most: {words}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this month</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewSection</name>
    <message>
        <source>Nothing to show yet, and there is no hurry. After a practice, tell Reconnect whether anything stirred (nothing is a fine answer). Then this page shows, gently, what seems to help you and when.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the library</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PacerWidget</name>
    <message>
        <source>Breathing pacer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{word}, {count}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatternWidgets</name>
    <message>
        <source>greyed: fewer than {count} check-ins, too few to say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jul</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nov</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{weekday} {day} {month} {year}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeriodCard</name>
    <message>
        <source>{title}: {sentence}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlayerWindow</name>
    <message>
        <source>Reconnect: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress through the practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left in this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture of the movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write whatever comes. Nobody else will read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume the practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step (→)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go on to the next step now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the practice here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help and crisis support; pauses here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Music</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose music…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a track or a folder that moves you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timer keeps running while you are away. Come back whenever you like.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do {title} instead, here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That&apos;s fine: {title} can be done right here instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End it gently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That&apos;s fine: you can end here, gently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I can&apos;t right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {number} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time}  (paused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a piece of music that has moved you before, one that once gave you chills. Or simply listen to what is around you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{message}.
Notice where the music lands in your body, if anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose other music…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PracticeCard</name>
    <message>
        <source>headphones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{summary} About {minutes}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare {title} with another practice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PracticeForm</name>
    <message>
        <source>Reconnect: your own practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with this practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Make my own copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make my own copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a practice of your own from this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: Steam from a cup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the practice is, said plainly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it is, said plainly, in one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In one &amp;line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sense: {sense}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;enses it engages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the senses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where it fits: {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Where it fits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with where it fits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It needs &amp;headphones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It needs headphones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is only suggested when you have said you have headphones at hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gentle note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, shown with the practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown with the practice, for example: Go gently, and stop whenever you like.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gentle &amp;note, if you like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps, played in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete this practice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving (Escape)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save it in your practices folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It couldn&apos;t be saved in {folder} ({problem}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It couldn&apos;t be deleted ({problem}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (my copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the desk: sitting or standing where you work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A few steps away: a corridor, a kitchen, a quiet room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By a window: it needs a window, or a door to outside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outdoors: it needs going outside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A practice of your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe a small moment in your own words. Offering, as in “you might notice…”, tends to feel kinder than instructing. It is kept as a file in your practices folder, on this computer only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One of your own practices. Changes are saved to its file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This practice comes with Reconnect, so it can&apos;t be changed here. You can make your own copy and change that instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This copy is yours to change; the original stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this practice?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “{title}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its file is removed from your practices folder. Your history stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add a step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of the practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Altogether {length}. One to five minutes is a comfortable length.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PracticeProblems</name>
    <message>
        <source>It needs a title, a few words to know it by.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It needs one line saying what it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step needs a few words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one sense.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where it fits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step&apos;s text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step&apos;s length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The breathing pattern:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The practice offered instead:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} seconds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>Everything stays on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect keeps your history, check-ins and choices in one folder here, and never sends them anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the data folder in your file manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export my history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy of your sessions and check-ins as a CSV or JSON file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy of your sessions and check-ins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete all my data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove everything Reconnect keeps about you from this computer, after you type a confirmation word. Reconnect then closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes your history, backups, logs, your own practices and your settings from this computer. You&apos;ll be asked to type a word first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept by a database server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptWindow</name>
    <message>
        <source>Reconnect: a small pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A small pause, if you&apos;d like one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipping is fine too. There&apos;s no score to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start this practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Another one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer a different practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;nooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask again in a few minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let this break go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start {title}, {meta}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuietNoteCard</name>
    <message>
        <source>Thank you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put this note away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read about numbness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the help on numbness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: {text}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RankedBars</name>
    <message>
        <source>still learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What helps most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usual rate {rate}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{headline}; {usual}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sparks} in {checkins}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{headline}; {counts}; {usual}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{said}; still learning (fewer than {count} check-ins)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: no check-ins yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: likely {low}-{high}, middle {middle}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no check-ins yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sparks} of {checkins}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} practices, in the order shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{practices}; your usual rate is {rate}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First: {headline}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} still learning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What helps most. {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your usual {rate}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>No days recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {since} to {until}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What these figures mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After a practice, the person could say whether anything stirred: nothing, a flicker, a spark or a glow. &quot;Something stirred&quot; counts a flicker or more. Nothing is a valid answer, and practices done without a check-in are not counted as nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A likely range is where the true rate lies with 80% probability, given the check-ins so far and the person&apos;s usual rate; it is wide while there are few. Times of day and months are drawn towards the usual rate when they have few check-ins, and pale when they have fewer than {few}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These are one person&apos;s own notes on small moments of sensation. They are not a diagnosis, a measure of mood or a medical test, and they say nothing about why something did or did not stir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} practices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} in this period, {checked}; something stirred {stirred} of them ({rate}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stirred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{stirred} of {checkins}, likely {range}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} has most surely brought something: likely {range} of the time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No practice stands out from the usual rate so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often something stirred, with its likely range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usual {rate}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What helped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By hour of the day (the number under each is its check-ins)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By day of the week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By month, all years together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often something stirred at each time, drawn towards the usual rate while there are few check-ins. A difference here is a hint to notice, not a rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places in the body where something was felt: {places}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words chosen for it: {words}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No places in the body or words were named.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places in the body and words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes were written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latest {shown} of {total} notes, as they were written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day}, {practice} ({level}): {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect: a personal report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made with Reconnect on {day}, on this computer. Not a diagnosis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing recorded in this period yet, so there is nothing to chart. That is fine: a report becomes useful after a few weeks of small breaks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are only a few check-ins in this period, too few for charts that would mean anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing {a} and {b}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{offered} of 1 break offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{offered} of {count} breaks offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under way since {day}: {offered}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {day} to {end}, stopped early: {offered}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {day} to {end}: {offered}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{a}: {a_done} done, {a_sparks} of {a_checkins} check-ins with a spark. {b}: {b_done} done, {b_sparks} of {b_checkins} check-ins with a spark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The difference in spark rate ({a} minus {b}) likely lies between {low80} and {high80} points (80%), or between {low95} and {high95} points (95%).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Make a report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PDF of a few pages to keep or share, for example with a therapist: how often you practised and checked in, what helped, and when. It is made on this computer and goes only where you save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include my &amp;notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include my notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes stay out of the report unless you tick this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rhythm</name>
    <message>
        <source>Starting {title}. Take it at your own pace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snoozed. {plan}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That break is let go. {plan}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{plan}. Resume any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed. {plan}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dashboard is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect is closing. Take care.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings applied, except: {problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A practice is already under way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A break is offered: {title}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} · {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It waits while you seem to be in a call ({source}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It waits while a window fills the screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It waits while do not disturb is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It waits until {event} ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A small pause is waiting: {title}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} · {minutes} min. Skipping is fine too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}. Start it from the Reconnect menu, or let it go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A small pause, if you&apos;d like one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A small pause is here whenever you like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect can&apos;t write to your history</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Run</name>
    <message>
        <source>Reconnect can&apos;t start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Let a due break wait while something records from a microphone, as in a call (yes or no).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait while the microphone is in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let a due break wait while a program has the camera open (yes or no).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait while the camera is in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let a due break wait while your screen is being shared (yes or no).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait while the screen is shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A calendar file (.ics) or a folder of them; a break due during an event marked busy waits until it ends. Empty for none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a calendar event&apos;s title when a break waits for it (yes or no); otherwise it is called &apos;a calendar event&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show event titles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken from your time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where you are, in degrees north (-90 to 90, south below 0), like 52.5; with the longitude, light practices follow your sunrise and sunset; empty to take your place from your time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where you are, in degrees east (-180 to 180, west below 0), like 13.4; with the latitude, light practices follow your sunrise and sunset; empty to take your place from your time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{key} can&apos;t be set: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{key} can&apos;t be set: there is no file or folder at {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>practices.disabled names {id}, which is not among the practices now; it is kept and changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working hours on {day}, like 09:00-17:30, or like 19:00-08:30 for a night from {day} evening into the next morning (the start and end differ); empty for a day off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes from the end of one break to the next, 10 to 240.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time between breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let breaks come up to this many minutes earlier or later, 0 to 15.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let breaks vary by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes away from the keyboard that count as a natural break, 1 to 60.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time away that counts as a break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While you are in a call (microphone, camera or screen share in use), in a calendar event, in a full-screen window or in do-not-disturb, a break waits up to this many minutes (0 to 120), then comes as a quiet notification only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting while full screen or do not disturb is on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practices never to suggest, as practice ids separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practices to offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick any practice you&apos;d rather not be offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder that holds your own practices (.toml files); empty for the practices folder inside your data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own practices folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The practices folder in your data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether you have headphones at hand (yes or no); practices that need them are only suggested when you do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have headphones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The music that gives you chills: a sound file or a folder of them; empty to choose it when the practice starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Music that moves you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sound file, or a folder of them. Leave it empty to choose when the practice starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen when the practice starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soft chimes at the start, steps and end (yes or no).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chimes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A soft tone at each breathing phase (yes or no).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breathing tones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours: system, light or dark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow your desktop&apos;s light or dark look, or choose one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size: system (as your desktop sets it), larger or largest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The size of the text in Reconnect&apos;s windows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system sets it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the breathing pacer as words and counts, without animation (yes or no).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reduced motion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone you trust and how to reach them, kept for hard moments and shown in Help (one line; empty for none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone you trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name of this computer in a history shared by several (1 to 64 characters); each session is marked with it, and the dashboard can show one computer&apos;s alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where your history is kept: empty for the file in your data folder, or a PostgreSQL server shared by your computers, like postgresql+psycopg://me@host/reconnect (the password is never shown; RECONNECT_DATABASE_URL wins over this). Used from the next start; copy your history there first with &apos;reconnect migrate-to&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where your history is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file in your data folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsFields</name>
    <message>
        <source>This {refusal}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting}: not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day}: day off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day}: {which}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} · {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer this practice: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other busy checks keep working. You can fix the file or choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting}: a file to look at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>And 1 more file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>And {count} more files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick {setting} with a file dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A music file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder of music…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A calendar file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder of calendars…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose: {setting}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <source>&amp;Rhythm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Practices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appeara&amp;nce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Car&amp;e</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;hared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pla&amp;ce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;alls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at &amp;login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pri&amp;vacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breaks come only within these hours, and never on a day off. Until 00:00 means until midnight; an end before the start, like 19:00 until 08:30, runs into the next morning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some choices need another look (see the notes under them). Nothing was saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Reconnect follows your choices from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose music that moves you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Music (*.mp3 *.ogg *.oga *.flac *.wav *.m4a *.opus);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendars (*.ics);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder of music</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder for your own practices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect: settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your choices and close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your choices and use them now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving (Escape)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your own practice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your own practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a practice of your own: its steps, their seconds and the senses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your choices could not be saved ({reason}). Nothing has changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login could not be changed (see the note there). Your other choices are saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login could not be changed (see the note there).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sound</name>
    <message>
        <source>No sound is coming out on this computer just now, so the practice goes on quietly. (reconnect doctor can say why.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SparkStats</name>
    <message>
        <source>Practices are ranked by how surely they have brought a spark for you: the lower end of their likely range comes first, so a practice with few check-ins is not ranked high on luck.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too early to tell: a few more check-ins and a picture starts to form.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepEditor</name>
    <message>
        <source>Words to follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your words, with a countdown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breathing, with a pacer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A breathing pacer follows the pattern below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stretch or a movement, with a countdown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own music</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The music you chose plays during this step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Away from the screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You step away; the timer keeps running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A few written words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A box to write in; your words are the prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breathe in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>breathing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holding after breathing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>breathing out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holding after breathing out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this step invites, for example: Notice the warmth of the cup in your hands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words of step {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds of step {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of step {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move step {number} up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move step {number} down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove step {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds of {phase}, step {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the words of step {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the timing of step {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {low} to {high} seconds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimePatterns</name>
    <message>
        <source>winter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>summer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>autumn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autumn and winter can be harder for many people; fewer sparks then is common, not a failing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Reconnect is in your tray now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its small window stepped aside. Everything is in the tray icon&apos;s menu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>For 30 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For 2 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect
{summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a practice now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the next break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help and crisis support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let this break go</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Week by week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something stirred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewer than {count} check-ins: too few to say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share that stirred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of {week}: no check-ins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of {week}: something stirred in {sparks} of {times}; fewer than {count} check-ins, too few to say.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of {week}: something stirred in {sparks} of {times} ({rate}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>breath</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>touch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reflection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at the desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a few steps away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by a window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outdoors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a flicker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a spark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a glow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>throat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>belly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>legs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warmth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tingling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lightness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tenderness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sadness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tears</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>joy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>January</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>February</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>March</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>April</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>June</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>July</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>August</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>September</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>October</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>November</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>December</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhenSection</name>
    <message>
        <source>&lt;b&gt;Where you felt it:&lt;/b&gt; {words}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Words you used:&lt;/b&gt; {words}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No places or words noted in this range yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hour by weekday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often something stirred at each hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last 26 weeks, whatever the range above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last 12 months, day by day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places and words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When something stirred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once there are check-ins, this shows at which hours, on which days and in which months something tends to stir.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Windows</name>
    <message>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This practice can&apos;t start: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose music that moves you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Music (*.mp3 *.ogg *.oga *.flac *.wav *.m4a *.opus);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Save the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your report is saved as {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
