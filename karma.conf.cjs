// Karma settings for `ng test` (builder @angular/build:unit-test, runner karma). Headless
// Chromium comes from CHROME_BIN (default /usr/bin/chromium); root needs --no-sandbox, and the
// network flags stop Chromium calling home on this offline machine.
process.env.CHROME_BIN ||= '/usr/bin/chromium';

module.exports = function (config) {
  config.set({
    frameworks: ['jasmine'],
    plugins: [
      require('karma-jasmine'),
      require('karma-chrome-launcher'),
      require('karma-coverage'),
    ],
    client: { jasmine: { random: true }, clearContext: true },
    reporters: ['dots', 'coverage'],
    coverageReporter: {
      dir: require('node:path').join(__dirname, 'coverage/app'),
      subdir: '.',
      reporters: [{ type: 'text-summary' }, { type: 'html' }, { type: 'lcovonly' }],
    },
    customLaunchers: {
      ChromeHeadlessCI: {
        base: 'ChromeHeadless',
        flags: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    },
    browsers: ['ChromeHeadlessCI'],
    browserNoActivityTimeout: 120000,
    singleRun: true,
    colors: false,
    restartOnFileChange: false,
  });
};
