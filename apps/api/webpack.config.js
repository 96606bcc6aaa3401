const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: { path: join(__dirname, '../../dist/apps/api') },
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      sourceMap: true,
      generatePackageJson: false,
      // No second type-check in a forked process: ts-loader already checks each file (the Swagger plugin
      // needs the type program, so it does not transpile only), and `npm run typecheck` checks the tree.
      typeCheckOptions: false,
      // Describes query DTOs and their class-validator rules in the OpenAPI document.
      transformers: [
        {
          name: '@nestjs/swagger/plugin',
          options: { dtoFileNameSuffix: ['.dto.ts', '.query.ts'], classValidatorShim: true, introspectComments: true },
        },
      ],
    }),
  ],
};
